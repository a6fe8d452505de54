namespace SyncLab.MirrorKit.Chaos;

/// <summary>
/// What webhook chaos decided for one delivery attempt: hold it until <see cref="HoldUntil"/> (not an
/// attempt: reschedule and move on), drop it, or send it <see cref="Copies"/> times.
/// </summary>
public readonly record struct ChaosVerdict(DateTimeOffset? HoldUntil, bool Drop, int Copies)
{
    public static ChaosVerdict Send { get; } = new(null, false, 1);

    /// <summary>
    /// Sends as decided: not at all when dropped (answers <paramref name="dropped"/>, which the sender should
    /// treat as delivered, as the vendor would), else once or twice; the first answer is the one that counts.
    /// </summary>
    public async Task<T> SendAsync<T>(Func<Task<T>> send, T dropped)
    {
        if (Drop)
        {
            return dropped;
        }
        var first = await send();
        for (var copy = 1; copy < Copies; copy++)
        {
            await send();
        }
        return first;
    }
}
