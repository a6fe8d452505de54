namespace SyncLab.MirrorKit.RateLimits;

/// <summary>A bucket of <see cref="Capacity"/> points that refills at <see cref="RestorePerSecond"/> points per business second.</summary>
public sealed record LeakyBucketLimits(double Capacity, double RestorePerSecond);

/// <summary>One bucket as a caller sees it after an operation.</summary>
public readonly record struct BucketStatus(double Capacity, double Available, double RestorePerSecond);

/// <summary>
/// Leaky buckets keyed by caller (token, app, user), refilled on the business clock: a frozen clock
/// refills nothing, an advanced clock refills at once. Vendors that charge by cost (Shopify) take a
/// reservation up front and refund the unused part afterwards; request-counting vendors take 1.
/// </summary>
public sealed class LeakyBuckets(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Available, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="amount"/> points if the bucket holds them; otherwise takes nothing.</summary>
    public bool TryTake(string key, double amount, LeakyBucketLimits limits, out BucketStatus status)
    {
        lock (_gate)
        {
            var available = Refill(key, limits);
            var taken = available >= amount;
            if (taken)
            {
                available -= amount;
                _buckets[key] = (available, clock.GetUtcNow());
            }
            status = new BucketStatus(limits.Capacity, available, limits.RestorePerSecond);
            return taken;
        }
    }

    /// <summary>Gives back points (never beyond capacity), e.g. the part of a reservation a request did not use.</summary>
    public BucketStatus Refund(string key, double amount, LeakyBucketLimits limits)
    {
        lock (_gate)
        {
            var available = Math.Min(limits.Capacity, Refill(key, limits) + Math.Max(0, amount));
            _buckets[key] = (available, clock.GetUtcNow());
            return new BucketStatus(limits.Capacity, available, limits.RestorePerSecond);
        }
    }

    public BucketStatus Peek(string key, LeakyBucketLimits limits)
    {
        lock (_gate)
        {
            return new BucketStatus(limits.Capacity, Refill(key, limits), limits.RestorePerSecond);
        }
    }

    /// <summary>Fills every bucket again (a scenario's fresh start).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    private double Refill(string key, LeakyBucketLimits limits)
    {
        var now = clock.GetUtcNow();
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            _buckets[key] = (limits.Capacity, now);
            return limits.Capacity;
        }
        // A clock set back in time refills nothing rather than draining the bucket.
        var elapsed = Math.Max(0, (now - bucket.At).TotalSeconds);
        var available = Math.Min(limits.Capacity, bucket.Available + (elapsed * limits.RestorePerSecond));
        _buckets[key] = (available, now);
        return available;
    }
}
