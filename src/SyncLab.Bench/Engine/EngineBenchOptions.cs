using SyncLab.MirrorKit.Storage;

namespace SyncLab.Bench.Engine;

/// <summary>What <c>synclab bench engine</c> runs: the three cases and their sizes.</summary>
public sealed record EngineBenchOptions
{
    /// <summary>Items in the estate of the full sync with limits off.</summary>
    public int Skus { get; init; } = 100_000;

    /// <summary>Items in the estate of the run at the vendors' documented limits (real time: keep it small).</summary>
    public int LimitedSkus { get; init; } = 500;

    /// <summary>Web orders placed at once at the vendors' limits (the limits case, after its syncs; 0: none).</summary>
    public int LimitedOrders { get; init; } = 200;

    /// <summary>
    /// The ERP mirror's window in the order burst at the limits, at Business Central's documented rate (20 requests/s):
    /// 15 s is 300 requests per 15 s, the real 5-minute window scaled down so a short burst outgrows it.
    /// </summary>
    public TimeSpan LimitedErpWindow { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Storefront orders placed at once in the burst.</summary>
    public int Orders { get; init; } = 2_000;

    /// <summary>Items in the estate the burst runs on.</summary>
    public int BurstSkus { get; init; } = 2_000;

    /// <summary>The engine's poll interval during the burst (orders are captured by polling; business = real time there).</summary>
    public TimeSpan BurstPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent shoppers placing the burst's orders.</summary>
    public int Shoppers { get; init; } = 32;

    public int Seed { get; init; } = 42;

    /// <summary>Which cases: full, limits, burst (all when empty).</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>At realistic limits, run once without the pacers (storefront, ERP, warehouse) first, to compare.</summary>
    public bool CompareUnpaced { get; init; } = true;

    public StoreOptions Store { get; init; } = StoreOptions.InMemory;

    /// <summary>Real time a case may take before it is reported as unfinished.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    public string CommandLine { get; init; } = "synclab bench engine";

    public bool Runs(string @case) => Only.Count == 0 || Only.Contains(@case, StringComparer.OrdinalIgnoreCase);
}
