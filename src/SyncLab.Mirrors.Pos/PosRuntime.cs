using SyncLab.Estate;
using SyncLab.MirrorKit.RateLimits;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos;

/// <summary>Per-instance state that is not in the database: settings, the write gate, the request budget.</summary>
public sealed class PosRuntime(PosMirrorSettings settings, BusinessEstate estate, TimeProvider clock)
{
    public PosMirrorSettings Settings { get; } = settings;

    public BusinessEstate Estate { get; } = estate;

    public string MerchantId { get; } = PosSeed.MerchantOf(estate);

    public WindowRateLimiter? Limiter { get; } =
        settings.RateLimit is { } limit ? new WindowRateLimiter(clock, limit.Permits, limit.Window) : null;

    /// <summary>
    /// Writes are serialised: a simulator values exact, repeatable counts over write throughput, and
    /// the InMemory store has no transactions to do it for us.
    /// </summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);
}
