using System.Globalization;
using System.Text;
using SyncLab.Bench.Report;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Storefront;

namespace SyncLab.Bench.Engine;

/// <summary>Calls the engine made to one vendor: all of them, those answered 429/THROTTLED, and other failures.</summary>
public sealed record VendorCalls(long Total, long Throttled, long Failed);

/// <summary>One first sync, from the engine's first poll to quiescence.</summary>
public sealed record SyncResult(
    string Name, int Skus, bool Limited, bool Pacing, bool Finished, TimeSpan Seeding, TimeSpan Wall, TimeSpan Business,
    long Applied, long Retries, long DataErrors, long DeadLettered, VendorCalls Storefront, VendorCalls Erp,
    double StorefrontCost, long PacedCalls, double PacedSeconds, long AllocatedBytes, long PeakWorkingSetBytes, MemorySample After,
    QueryCostLimits ShopifyLimits, ErpRateLimit ErpLimit)
{
    /// <summary>The process's CPU time (user + system) over the sync: on a shared machine, what the work cost, whatever the wait for a core.</summary>
    public TimeSpan Cpu { get; init; }

    /// <summary>Calls to the POS (Square): the till's catalogue is looked up per SKU.</summary>
    public long PosCalls { get; init; }

    public double ItemsPerSecond => Wall > TimeSpan.Zero ? Skus / Wall.TotalSeconds : 0;

    /// <summary>The most points the shop could have spent in the run: a full bucket at the start plus its refill.</summary>
    public double StorefrontCeiling => ShopifyLimits.BucketSize + (ShopifyLimits.RestoreRate * Business.TotalSeconds);

    /// <summary>The most requests BC's sliding window allows in the run.</summary>
    public double ErpCeiling => ErpLimit.Requests * Math.Max(1, Business.TotalSeconds / ErpLimit.Window.TotalSeconds);

    public string Summary => Limited
        ? Text($"{Name}: {Skus:N0} SKUs in {Wall.TotalSeconds:F1} s; storefront {Storefront.Total:N0} calls, {Storefront.Throttled:N0} THROTTLED, {StorefrontCost:N0} points = {Percent(StorefrontCost, StorefrontCeiling)} of the ceiling ({PerSecond(StorefrontCost):F1} of {ShopifyLimits.RestoreRate:N0} points/s); ERP {Erp.Total:N0} calls, {Erp.Throttled:N0} answered 429 = {Percent(Erp.Total, ErpCeiling)} of its window; {PacedCalls:N0} calls paced")
        : Text($"{Name}: {Skus:N0} SKUs in {Wall.TotalSeconds:F1} s ({ItemsPerSecond:N0} items/s), CPU {Cpu.TotalSeconds:F0} s; storefront {Storefront.Total:N0} calls, ERP {Erp.Total:N0} calls, POS {PosCalls:N0} calls; {AllocatedBytes / 1048576.0:N0} MiB allocated, peak working set {PeakWorkingSetBytes / 1048576.0:N0} MiB");

    public double PerSecond(double amount) => Business > TimeSpan.Zero ? amount / Business.TotalSeconds : 0;

    internal static string Percent(double part, double whole) => whole > 0 ? (part / whole).ToString("P0", CultureInfo.InvariantCulture) : "n/a";

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A burst of web orders placed at once, each timed from its creation on the storefront to its ERP sales order.</summary>
public sealed record BurstResult(
    int Requested, int Placed, int Refused, int AppliedByEngine, int Timed, int FoundInErp, TimeSpan Placing, TimeSpan Total, TimeSpan PollInterval,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, VendorCalls Storefront, VendorCalls Erp, long Retries, long DataErrors)
{
    public double OrdersPerSecond => Total > TimeSpan.Zero ? AppliedByEngine / Total.TotalSeconds : 0;

    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"order burst: {Placed:N0} orders placed in {Placing.TotalSeconds:F1} s, {AppliedByEngine:N0} in the ERP (checked there: {FoundInErp:N0}) after {Total.TotalSeconds:F1} s = {OrdersPerSecond:F1} orders/s; latency p50 {P50Ms / 1000:F1} s, p95 {P95Ms / 1000:F1} s, p99 {P99Ms / 1000:F1} s, max {MaxMs / 1000:F1} s (poll every {PollInterval.TotalSeconds:F0} s)");
}

public sealed record EngineBenchReport(
    EngineBenchOptions Options, MachineInfo Machine, IReadOnlyList<SyncResult> Syncs, BurstResult? Burst, IReadOnlyList<LimitsBurstResult>? LimitBursts = null)
{
    /// <summary>Every case finished and every order placed reached the ERP.</summary>
    public bool Complete => Syncs.All(s => s.Finished) && (Burst is null || (Burst.AppliedByEngine == Burst.Placed && Burst.FoundInErp == Burst.Placed))
        && (LimitBursts ?? []).All(b => b.Finished);

    public string Render()
    {
        var c = CultureInfo.InvariantCulture;
        static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);
        var s = new StringBuilder();
        s.AppendLine("# Engine benchmark: full sync, vendor limits, order burst");
        s.AppendLine();
        s.AppendLine(c, $"Produced by `{Options.CommandLine}` (how to run it: docs/benchmarks.md).");
        s.AppendLine();
        s.AppendLine("| machine | |");
        s.AppendLine("|---|---|");
        s.AppendLine(c, $"| cores | {Machine.Cores} |");
        s.AppendLine(c, $"| CPU | {Machine.Cpu} |");
        s.AppendLine(c, $"| .NET | {Machine.Runtime}, {Machine.Gc} GC |");
        s.AppendLine(c, $"| build | {Machine.Build} |");
        s.AppendLine(c, $"| mirror store | {(Options.Store.Kind == StoreKind.InMemory ? "EF Core InMemory" : Options.Store.Kind.ToString())}; engine store SQLite |");
        s.AppendLine(c, $"| load average (1/5/15 min) at start → end | {Machine.LoadAverage ?? "n/a"} → {MachineInfo.LoadAverageNow() ?? "n/a"} |");
        s.AppendLine();
        s.AppendLine("Engine, mirrors and load share the process and its cores. Counts come from the engine's own telemetry (`synclab.engine.vendor.calls`, `…storefront.query_cost`, `…storefront.paced`, `…items.applied`); times are from the engine's first poll to quiescence; where the clock runs (vendor limits), to quiescence with no work waiting for a retry, since quiescence alone comes while retries are scheduled for later.");
        s.AppendLine();
        foreach (var r in Syncs)
        {
            s.AppendLine(c, $"- {r.Summary}");
        }
        foreach (var r in LimitBursts ?? [])
        {
            s.AppendLine(c, $"- {r.Summary}");
        }
        if (Burst is { } b)
        {
            s.AppendLine(c, $"- {b.Summary}");
        }
        s.AppendLine();

        var full = Syncs.Where(r => !r.Limited).ToList();
        if (full.Count > 0)
        {
            s.AppendLine("## Full sync, limits off");
            s.AppendLine();
            s.AppendLine("The engine's first sync of prices and stock on an estate whose products are already listed, storefront throttle and ERP limit off, business clock frozen.");
            s.AppendLine();
            s.AppendLine("| SKUs | finished | seeding | sync | items/s | CPU | storefront calls | ERP calls | POS calls | items applied | retries | data errors | GC allocated | peak working set | GC heap after |");
            s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in full)
            {
                s.AppendLine(c, $"| {r.Skus:N0} | {(r.Finished ? "yes" : "NO (timed out)")} | {r.Seeding.TotalSeconds:F1} s | {r.Wall.TotalSeconds:F1} s | {r.ItemsPerSecond:N0} | {r.Cpu.TotalSeconds:F0} s | {r.Storefront.Total:N0} | {r.Erp.Total:N0} | {r.PosCalls:N0} | {r.Applied:N0} | {r.Retries:N0} | {r.DataErrors:N0} | {MiB(r.AllocatedBytes)} MiB | {MiB(r.PeakWorkingSetBytes)} MiB | {MiB(r.After.GcHeapBytes)} MiB |");
            }
            s.AppendLine();
            s.AppendLine("CPU is the process's CPU time (user + system, every thread: engine, mirrors and load) over the sync: on a shared machine the wall time also holds the wait for a core, the CPU time does not.");
            s.AppendLine();
            s.AppendLine("GC allocated counts the whole process (mirrors answering included) from the end of seeding to quiescence; the peak working set is the process's peak over the same span (reset after seeding where Linux allows).");
            s.AppendLine();
        }

        var limited = Syncs.Where(r => r.Limited).ToList();
        if (limited.Count > 0)
        {
            var l = limited[0];
            s.AppendLine("## At the vendors' documented limits");
            s.AppendLine();
            s.AppendLine(c, $"Storefront: Shopify's standard-plan bucket ({l.ShopifyLimits.BucketSize:N0} points, {l.ShopifyLimits.RestoreRate:N0} points/s). ERP: Business Central online ({l.ErpLimit.Requests:N0} requests per {l.ErpLimit.Window.TotalMinutes:N0}-minute sliding window, i.e. {l.ErpLimit.Requests / l.ErpLimit.Window.TotalSeconds:N0}/s sustained). Business clock at real time; the buckets refill on it.");
            s.AppendLine();
            s.AppendLine("| case | SKUs | finished | sync | storefront calls | THROTTLED | points consumed | points/s | % of storefront ceiling | paced calls (wait) | ERP calls | 429s | % of ERP window | retries (dead letters) |");
            s.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in limited)
            {
                s.AppendLine(c, $"| {r.Name} | {r.Skus:N0} | {(r.Finished ? "yes" : "NO (timed out)")} | {r.Wall.TotalSeconds:F1} s | {r.Storefront.Total:N0} | {r.Storefront.Throttled:N0} | {r.StorefrontCost:N0} | {r.PerSecond(r.StorefrontCost):F1} | {SyncResult.Percent(r.StorefrontCost, r.StorefrontCeiling)} | {r.PacedCalls:N0} ({r.PacedSeconds:F0} s) | {r.Erp.Total:N0} | {r.Erp.Throttled:N0} | {SyncResult.Percent(r.Erp.Total, r.ErpCeiling)} | {r.Retries:N0} ({r.DeadLettered:N0}) |");
            }
            s.AppendLine();
            s.AppendLine("% of storefront ceiling: points consumed (`actualQueryCost`) over what the shop allows in the run (a full bucket plus restore rate × business seconds). % of ERP window: requests over the most the sliding window allows in the run. A THROTTLED answer consumes nothing but is a call and a retry.");
            s.AppendLine();
        }

        LimitsBurstResult.Render(s, Options, LimitBursts ?? []);

        if (Burst is { } burst)
        {
            s.AppendLine("## Order burst");
            s.AppendLine();
            s.AppendLine(c, $"{burst.Requested:N0} web orders (one line each, a new shopper each) placed at once by {Options.Shoppers} concurrent shoppers on a {Options.BurstSkus:N0}-SKU estate after the engine's first sync, limits off, business clock at real time, the engine polling the storefront every {burst.PollInterval.TotalSeconds:F0} s. Latency per order: from the storefront's answer that created it to the engine having made its ERP sales order (the `orders` process's `apply` activity ending as applied); every order is then looked up in the ERP by its external document number.");
            s.AppendLine();
            s.AppendLine("| placed | refused | in the ERP (engine / ERP lookup) | placing took | until the last was in the ERP | orders/s | p50 | p95 | p99 | max | storefront calls | ERP calls (429) | retries | data errors |");
            s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            s.AppendLine(c, $"| {burst.Placed:N0} | {burst.Refused:N0} | {burst.AppliedByEngine:N0} / {burst.FoundInErp:N0} | {burst.Placing.TotalSeconds:F1} s | {burst.Total.TotalSeconds:F1} s | {burst.OrdersPerSecond:F1} | {burst.P50Ms / 1000:F2} s | {burst.P95Ms / 1000:F2} s | {burst.P99Ms / 1000:F2} s | {burst.MaxMs / 1000:F2} s | {burst.Storefront.Total:N0} | {burst.Erp.Total:N0} ({burst.Erp.Throttled:N0}) | {burst.Retries:N0} | {burst.DataErrors:N0} |");
            s.AppendLine();
        }
        return s.ToString();
    }
}
