namespace SyncLab.MirrorKit.RateLimits;

/// <summary>
/// A fixed-window request budget measured on the business clock, so a test that freezes or advances
/// time controls throttling too. Windows are aligned to multiples of <see cref="Window"/> since the epoch.
/// </summary>
public sealed class WindowRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private long _windowIndex = long.MinValue;
    private int _used;

    public WindowRateLimiter(TimeProvider clock, int permits, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _clock = clock;
        Permits = permits;
        Window = window;
    }

    public int Permits { get; }

    public TimeSpan Window { get; }

    /// <summary>Takes one permit; when none is left, says how long until the window turns.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        var now = _clock.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            var index = now / Window.Ticks;
            if (index != _windowIndex)
            {
                _windowIndex = index;
                _used = 0;
            }
            if (_used < Permits)
            {
                _used++;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromTicks(((index + 1) * Window.Ticks) - now);
            return false;
        }
    }
}
