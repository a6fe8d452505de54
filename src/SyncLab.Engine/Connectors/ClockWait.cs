namespace SyncLab.Engine.Connectors;

/// <summary>A pacer's wait on the engine's clock, which a clock that does not move (a frozen staging) would make endless.</summary>
internal static class ClockWait
{
    /// <summary>
    /// Waits until <paramref name="span"/> of the engine's clock has passed or <paramref name="changed"/> completes. False
    /// when <paramref name="frozenGuard"/> of real time went by with the clock standing still: the caller then hands the
    /// wait to the work queue instead.
    /// </summary>
    public static async Task<bool> ForAsync(TimeProvider clock, TimeSpan span, Task changed, TimeSpan frozenGuard, CancellationToken ct)
    {
        var before = clock.GetUtcNow();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var passed = Task.Delay(span, clock, stop.Token);
        var guard = Task.Delay(frozenGuard, TimeProvider.System, stop.Token);
        var first = await Task.WhenAny(passed, changed, guard);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
        return first != guard || clock.GetUtcNow() != before;
    }
}
