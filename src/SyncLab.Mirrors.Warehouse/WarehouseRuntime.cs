using SyncLab.Estate;
using SyncLab.MirrorKit.RateLimits;

namespace SyncLab.Mirrors.Warehouse;

/// <summary>Per-instance state that is not in the database: settings, the write gate, the request budget.</summary>
public sealed class WarehouseRuntime(WarehouseMirrorSettings settings, BusinessEstate estate, TimeProvider clock)
{
    public WarehouseMirrorSettings Settings { get; } = settings;

    public BusinessEstate Estate { get; } = estate;

    public WindowRateLimiter? Limiter { get; } =
        settings.RateLimit is { } limit ? new WindowRateLimiter(clock, limit.RequestsPerMinute, TimeSpan.FromMinutes(1)) : null;

    /// <summary>Writes are serialised so stock levels stay exact and repeatable (the InMemory store has no transactions).</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);
}
