namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>Business Central's per-user sliding window, on the business clock so that tests control it.</summary>
internal sealed class RequestRateLimiter(ErpRateLimit limit, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.Ordinal);

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Counts the call, or answers how long to wait before the next one fits.</summary>
    public TimeSpan? TryAcquire(string caller)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_calls.TryGetValue(caller, out var calls))
            {
                _calls[caller] = calls = new Queue<DateTimeOffset>();
            }
            while (calls.Count > 0 && calls.Peek() <= now - limit.Window)
            {
                calls.Dequeue();
            }
            if (calls.Count >= limit.Requests)
            {
                return calls.Peek() + limit.Window - now;
            }
            calls.Enqueue(now);
            return null;
        }
    }
}
