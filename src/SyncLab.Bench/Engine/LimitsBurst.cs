using System.Diagnostics;
using System.Globalization;
using System.Text;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Fulfilment;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Telemetry;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Storefront;
using SyncLab.Mirrors.Warehouse;
using SyncLab.Staging;

namespace SyncLab.Bench.Engine;

/// <summary>Calls that waited for a vendor's limit before they were sent, and the business seconds they waited in all.</summary>
public sealed record PacedCalls(long Calls, double Seconds);

/// <summary>
/// An order burst at the vendors' limits: every web order to the ERP and on to the warehouse, with each vendor's calls,
/// throttled answers and throughput as a share of its ceiling.
/// </summary>
public sealed record LimitsBurstResult(
    string Name, bool Pacing, int Placed, int Refused, int InErp, int InWarehouse, bool Finished, TimeSpan Wall, TimeSpan Business,
    VendorCalls Storefront, VendorCalls Erp, VendorCalls Warehouse, double StorefrontCost,
    PacedCalls StorefrontPaced, PacedCalls ErpPaced, PacedCalls WarehousePaced, long Retries, long DeadLettered,
    QueryCostLimits ShopifyLimits, RequestLimit ErpLimit, RequestLimit WarehouseLimit)
{
    /// <summary>The most points the shop allows in the run: a full bucket at the start plus its refill.</summary>
    public double StorefrontCeiling => ShopifyLimits.BucketSize + (ShopifyLimits.RestoreRate * Business.TotalSeconds);

    /// <summary>The most requests <paramref name="limit"/> allows in the run at its sustained rate (one full window at least).</summary>
    public double Ceiling(RequestLimit limit) => limit.Requests * Math.Max(1, Business.TotalSeconds / limit.Window.TotalSeconds);

    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Placed:N0} orders, {InErp:N0} in the ERP and {InWarehouse:N0} in the warehouse after {Business.TotalSeconds:F1} s; ERP {Erp.Total:N0} calls, {Erp.Throttled:N0} answered 429 = {SyncResult.Percent(Erp.Total, Ceiling(ErpLimit))} of its ceiling; warehouse {Warehouse.Total:N0} calls, {Warehouse.Throttled:N0} answered 429 = {SyncResult.Percent(Warehouse.Total, Ceiling(WarehouseLimit))}; storefront {Storefront.Total:N0} calls, {Storefront.Throttled:N0} THROTTLED = {SyncResult.Percent(StorefrontCost, StorefrontCeiling)}; {ErpPaced.Calls + WarehousePaced.Calls + StorefrontPaced.Calls:N0} calls paced, {Retries:N0} retries, {DeadLettered:N0} dead letters");

    /// <summary>The report's section for the bursts at the limits.</summary>
    internal static void Render(StringBuilder s, EngineBenchOptions options, IReadOnlyList<LimitsBurstResult> bursts)
    {
        if (bursts.Count == 0)
        {
            return;
        }
        var c = CultureInfo.InvariantCulture;
        var l = bursts[0];
        s.AppendLine("## An order burst at the limits: every vendor against its ceiling");
        s.AppendLine();
        s.AppendLine(c, $"{l.Placed + l.Refused:N0} one-line web orders (a new shopper each) placed at once on a {options.LimitedSkus:N0}-SKU estate after the engine's first sync, business clock at real time, the engine polling every {options.BurstPollInterval.TotalSeconds:F0} s; done when every order has reached the ERP and the warehouse (or been given up) and no work waits for a retry. Limits, in business time: the storefront Shopify's standard bucket ({l.ShopifyLimits.BucketSize:N0} points, {l.ShopifyLimits.RestoreRate:N0} points/s); the ERP **{l.ErpLimit.Requests:N0} requests per {l.ErpLimit.Window.TotalSeconds:N0}-s sliding window**, i.e. Business Central's documented rate ({l.ErpLimit.PerSecond:N0}/s) with its 5-minute window scaled down so the burst outgrows it in a short run (the real window would absorb the first 6,000 calls at any speed); the warehouse ShipStation's documented {l.WarehouseLimit.Requests:N0} requests per minute. The engine's ERP and warehouse pacers (`EngineOptions.Limits`) are set to the same figures, or off; the storefront's cost pacer is on in both.");
        s.AppendLine();
        s.AppendLine("| case | in the ERP / warehouse (of placed) | took (business) | ERP calls | 429 | % of ERP ceiling | ERP paced (wait) | warehouse calls | 429 | % of warehouse ceiling | warehouse paced (wait) | storefront calls | THROTTLED | % of storefront ceiling | retries (dead letters) |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in bursts)
        {
            s.AppendLine(c, $"| {r.Name}{(r.Finished ? string.Empty : " (NOT finished)")} | {r.InErp:N0} / {r.InWarehouse:N0} ({r.Placed:N0}) | {r.Business.TotalSeconds:F1} s | {r.Erp.Total:N0} | {r.Erp.Throttled:N0} | {SyncResult.Percent(r.Erp.Total, r.Ceiling(r.ErpLimit))} | {r.ErpPaced.Calls:N0} ({r.ErpPaced.Seconds:F0} s) | {r.Warehouse.Total:N0} | {r.Warehouse.Throttled:N0} | {SyncResult.Percent(r.Warehouse.Total, r.Ceiling(r.WarehouseLimit))} | {r.WarehousePaced.Calls:N0} ({r.WarehousePaced.Seconds:F0} s) | {r.Storefront.Total:N0} | {r.Storefront.Throttled:N0} | {SyncResult.Percent(r.StorefrontCost, r.StorefrontCeiling)} | {r.Retries:N0} ({r.DeadLettered:N0}) |");
        }
        s.AppendLine();
        s.AppendLine("% of a vendor's ceiling: its calls (429s included: the vendor counts what it refuses as a call made) over the most its limit allows in the run at its sustained rate, at least one full window (requests × max(1, run ÷ window)); the storefront's: points consumed over a full bucket plus its refill. A paced call waited for a place in the window before it was sent (that wait is not an attempt); a 429 is answered, retried after Retry-After, and its work item's attempt is spent. The POS takes no part in a web order and is not measured.");
        s.AppendLine();
    }
}

/// <summary>Runs one <see cref="LimitsBurstResult"/> case on a staging of its own.</summary>
internal static class LimitsBurst
{
    /// <summary>Business Central's documented sustained rate, 6,000 requests per 300 s, over the window <paramref name="window"/>.</summary>
    public static ErpRateLimit ErpLimit(TimeSpan window) =>
        new((int)Math.Max(1, Math.Round(RequestLimit.BusinessCentralOnline.PerSecond * window.TotalSeconds)), window);

    public static async Task<LimitsBurstResult> RunAsync(string name, EngineBenchOptions options, bool pacing, TextWriter progress, CancellationToken ct)
    {
        _ = EstateCache.Get(options.Seed, options.LimitedSkus);
        var erpLimit = ErpLimit(options.LimitedErpWindow);
        var staging = new StagingOptions
        {
            Seed = options.Seed,
            Skus = options.LimitedSkus,
            BasePort = 0,
            MirrorStore = options.Store,
            ClockRate = 1,
            PollInterval = options.BurstPollInterval,
            VendorThrottling = true,
            ErpRateLimit = erpLimit,
            WarehouseRateLimit = ShipStationRateLimit.Production,
            // The staging paces the engine to its mirrors' limits; without the ERP's and the warehouse's pacers only their 429s
            // and Retry-After slow it down. The storefront stays paced in both: unpaced, its orders poll starves (see
            // docs/benchmarks.md), and the comparison is of the request pacers.
            ConfigureEngine = e => pacing ? e : e with { Limits = VendorLimits.None },
        };
        await using var host = await StagingHost.StartAsync(staging, logs: null, ct);
        using (var warmUp = new EngineProbe())
        {
            // Steady state first: the first sync has listed prices and stock and mapped every SKU to its ERP item.
            await warmUp.DrainAsync(host.Engine, options.Timeout, ct);
        }
        using var probe = new EngineProbe();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var wallStart = Stopwatch.GetTimestamp();
        var businessStart = host.Clock.GetUtcNow();
        var (placed, refused) = await EngineBenchmark.PlaceOrdersAsync(http, host, options.LimitedOrders, options.Shoppers, ct);
        var keys = placed.Keys.ToList();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {placed.Count:N0} orders placed ({refused} refused); waiting for the ERP and the warehouse..."));
        var finished = await probe.WaitForSettledAsync(OrderToErpProcess.ProcessName, keys, options.Timeout, ct) == keys.Count
            && await probe.DrainAsync(host.Engine, options.Timeout, ct);
        var result = new LimitsBurstResult(
            name, pacing, placed.Count, refused,
            probe.Applied(OrderToErpProcess.ProcessName, keys), probe.Applied(OrderToWmsProcess.ProcessName, keys), finished,
            Stopwatch.GetElapsedTime(wallStart), host.Clock.GetUtcNow() - businessStart,
            Calls(probe, "storefront"), Calls(probe, "erp"), Calls(probe, "warehouse"), probe.StorefrontCost,
            new PacedCalls(probe.Paced.Calls, probe.Paced.Seconds), probe.VendorPaced("erp"), probe.VendorPaced("warehouse"),
            probe.Items(EngineTelemetry.Outcomes.Retry), probe.Items(EngineTelemetry.Outcomes.DeadLettered),
            QueryCostLimits.Standard, new RequestLimit(erpLimit.Requests, erpLimit.Window),
            new RequestLimit(ShipStationRateLimit.Production.RequestsPerMinute, TimeSpan.FromMinutes(1)));
        progress.WriteLine(result.Summary);
        return result;
    }

    internal static VendorCalls Calls(EngineProbe probe, string system) =>
        new(probe.Calls(system), probe.Calls(system, "throttled"), probe.Calls(system, "failed"));
}
