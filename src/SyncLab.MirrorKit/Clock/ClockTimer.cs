namespace SyncLab.MirrorKit.Clock;

/// <summary>A timer on the business clock; fires when business time reaches <see cref="Due"/>.</summary>
internal sealed class ClockTimer(BusinessClock clock, TimerCallback callback, object? state) : ITimer
{
    private bool _disposed;

    internal DateTimeOffset? Due { get; set; }

    internal TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    internal long Sequence { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed)
        {
            return false;
        }
        clock.Reschedule(this, dueTime, period);
        return true;
    }

    /// <summary>Called under the clock's lock: moves the due instant on (periodic) or clears it (one-shot).</summary>
    internal void Consume()
    {
        Due = Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan ? Due + Period : null;
        Sequence = clock.NextSequence();
    }

    internal void Invoke()
    {
        if (!_disposed)
        {
            callback(state);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        clock.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
