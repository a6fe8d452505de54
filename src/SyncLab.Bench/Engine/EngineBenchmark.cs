using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Bench.Report;
using SyncLab.Engine.Telemetry;
using SyncLab.Estate;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Storefront;
using SyncLab.Staging;

namespace SyncLab.Bench.Engine;

/// <summary>
/// <c>synclab bench engine</c>: the engine on a staging in this process (mirrors and engine on loopback, real HTTP),
/// measured from its own telemetry. Three cases: the first full sync with limits off; the same at the vendors'
/// documented limits on a clock running at real time (with and without the pacers), then an order burst at those limits
/// (<see cref="LimitsBurst"/>); a burst of web orders with limits off.
/// </summary>
public static class EngineBenchmark
{
    public static async Task<EngineBenchReport> RunAsync(EngineBenchOptions options, TextWriter progress, CancellationToken ct = default)
    {
        var machine = MachineInfo.Capture();
        var syncs = new List<SyncResult>();
        BurstResult? burst = null;
        var limitBursts = new List<LimitsBurstResult>();
        if (options.Runs("full"))
        {
            progress.WriteLine(Text($"bench: full sync of {options.Skus:N0} SKUs, limits off..."));
            syncs.Add(await SyncAsync("full sync, limits off", options, options.Skus, limited: false, pacing: true, progress, ct));
        }
        if (options.Runs("limits"))
        {
            if (options.CompareUnpaced)
            {
                progress.WriteLine(Text($"bench: first sync of {options.LimitedSkus:N0} SKUs at the vendors' limits, real time, pacers off..."));
                syncs.Add(await SyncAsync("vendor limits, pacer off", options, options.LimitedSkus, limited: true, pacing: false, progress, ct));
            }
            progress.WriteLine(Text($"bench: first sync of {options.LimitedSkus:N0} SKUs at the vendors' limits, real time, pacers on..."));
            syncs.Add(await SyncAsync("vendor limits, pacer on", options, options.LimitedSkus, limited: true, pacing: true, progress, ct));
            if (options.LimitedOrders > 0)
            {
                foreach (var pacing in options.CompareUnpaced ? new[] { false, true } : [true])
                {
                    var name = pacing ? "order burst at the limits, ERP and warehouse pacers on" : "order burst at the limits, ERP and warehouse pacers off";
                    progress.WriteLine(Text($"bench: {name}: {options.LimitedOrders:N0} web orders on {options.LimitedSkus:N0} SKUs, real time..."));
                    limitBursts.Add(await LimitsBurst.RunAsync(name, options, pacing, progress, ct));
                }
            }
        }
        if (options.Runs("burst"))
        {
            progress.WriteLine(Text($"bench: burst of {options.Orders:N0} web orders on {options.BurstSkus:N0} SKUs..."));
            burst = await BurstAsync(options, progress, ct);
        }
        return new EngineBenchReport(options, machine, syncs, burst, limitBursts);
    }

    private static StagingOptions Staging(EngineBenchOptions options, int skus, bool limited, bool pacing, TimeSpan? pollInterval = null) => new()
    {
        Seed = options.Seed,
        Skus = skus,
        BasePort = 0,
        MirrorStore = options.Store,
        // Limits off: a frozen clock (nothing is due later, the first sync is the only work). At the vendors' limits the
        // buckets refill on the business clock, so it runs at real time.
        ClockRate = limited || pollInterval is not null ? 1 : 0,
        PollInterval = pollInterval ?? TimeSpan.FromMinutes(1),
        VendorThrottling = limited,
        ErpRateLimit = limited ? ErpRateLimit.BusinessCentralOnline : null,
        WarehouseRateLimit = limited ? SyncLab.Mirrors.Warehouse.ShipStationRateLimit.Production : null,
        // The staging paces the engine to its mirrors' limits; "pacer off" turns every pacer off.
        ConfigureEngine = e => pacing ? e : e with { StorefrontPacing = false, Limits = SyncLab.Engine.Connectors.VendorLimits.None },
    };

    private static async Task<SyncResult> SyncAsync(string name, EngineBenchOptions options, int skus, bool limited, bool pacing, TextWriter progress, CancellationToken ct)
    {
        // The estate is generated before the clock starts: only seeding and the sync are in the figures.
        _ = EstateCache.Get(options.Seed, skus);
        using var probe = new EngineProbe();
        var started = Stopwatch.GetTimestamp();
        await using var staging = await StagingHost.StartAsync(Staging(options, skus, limited, pacing), logs: null, ct);
        var seeded = Stopwatch.GetElapsedTime(started);
        PeakWorkingSet.Reset();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var businessStart = staging.Clock.GetUtcNow();
        // At the vendors' limits the clock runs: done is quiescent with nothing waiting for a retry. Frozen, quiescence.
        var finished = limited
            ? await probe.DrainAsync(staging.Engine, options.Timeout, ct)
            : await staging.Engine.WaitForQuiescenceAsync(options.Timeout, ct);
        var end = Stopwatch.GetTimestamp();
        var cpuUsed = CpuSince(process, cpu);
        var business = staging.Clock.GetUtcNow() - businessStart;
        var wall = probe.FirstPollStarted == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(probe.FirstPollStarted, end);
        var result = new SyncResult(
            name, skus, limited, pacing, finished, seeded, wall, business,
            probe.Items(EngineTelemetry.Outcomes.Applied), probe.Items(EngineTelemetry.Outcomes.Retry), probe.Items(EngineTelemetry.Outcomes.DataError),
            probe.Items(EngineTelemetry.Outcomes.DeadLettered),
            new VendorCalls(probe.Calls("storefront"), probe.Calls("storefront", "throttled"), probe.Calls("storefront", "failed")),
            new VendorCalls(probe.Calls("erp"), probe.Calls("erp", "throttled"), probe.Calls("erp", "failed")),
            probe.StorefrontCost, probe.Paced.Calls, probe.Paced.Seconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated, PeakWorkingSet.Read(), MemorySample.Take(),
            QueryCostLimits.Standard, ErpRateLimit.BusinessCentralOnline)
        {
            Cpu = cpuUsed,
            PosCalls = probe.Calls("pos"),
        };
        progress.WriteLine(result.Summary);
        return result;
    }

    private static async Task<BurstResult> BurstAsync(EngineBenchOptions options, TextWriter progress, CancellationToken ct)
    {
        _ = EstateCache.Get(options.Seed, options.BurstSkus);
        using var probe = new EngineProbe();
        await using var staging = await StagingHost.StartAsync(Staging(options, options.BurstSkus, limited: false, pacing: true, options.BurstPollInterval), logs: null, ct);
        // Steady state first: the first sync has listed prices and stock and mapped every SKU to its ERP item.
        await probe.DrainAsync(staging.Engine, options.Timeout, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var first = Stopwatch.GetTimestamp();
        var (placed, rejected) = await PlaceOrdersAsync(http, staging, options.Orders, options.Shoppers, ct);
        var allPlaced = Stopwatch.GetElapsedTime(first);
        progress.WriteLine(Text($"bench: {placed.Count:N0} orders placed in {allPlaced.TotalSeconds:F1} s ({rejected} refused); waiting for the engine..."));
        var reached = await probe.WaitForOrdersAsync(placed.Keys.ToList(), options.Timeout, ct);
        var lastApplied = placed.Keys.Where(probe.OrdersApplied.ContainsKey).Select(k => probe.OrdersApplied[k]).DefaultIfEmpty(first).Max();
        var latencies = placed
            .Where(p => probe.OrdersApplied.ContainsKey(p.Key))
            .Select(p => Stopwatch.GetElapsedTime(p.Value.At, probe.OrdersApplied[p.Key]).TotalMilliseconds)
            .Order()
            .ToList();
        var inErp = await CountInErpAsync(http, staging.Addresses["erp"], placed.Values.Select(p => p.LegacyId).ToList(), ct);
        var result = new BurstResult(
            options.Orders, placed.Count, rejected, reached, latencies.Count, inErp, allPlaced, Stopwatch.GetElapsedTime(first, lastApplied), options.BurstPollInterval,
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99), latencies.Count == 0 ? 0 : latencies[^1],
            new VendorCalls(probe.Calls("storefront"), probe.Calls("storefront", "throttled"), probe.Calls("storefront", "failed")),
            new VendorCalls(probe.Calls("erp"), probe.Calls("erp", "throttled"), probe.Calls("erp", "failed")),
            probe.Items(EngineTelemetry.Outcomes.Retry), probe.Items(EngineTelemetry.Outcomes.DataError));
        progress.WriteLine(result.Summary);
        return result;
    }

    /// <summary>
    /// Places <paramref name="orders"/> one-line web orders (a new shopper each, <see cref="OrderLines"/>) through the
    /// storefront's checkout action, <paramref name="shoppers"/> at a time: order id → when its answer came (Stopwatch
    /// timestamp) and its legacy id; and how many the storefront refused.
    /// </summary>
    internal static async Task<(IReadOnlyDictionary<string, (long At, long LegacyId)> Placed, int Refused)> PlaceOrdersAsync(
        HttpClient http, StagingHost staging, int orders, int shoppers, CancellationToken ct)
    {
        var lines = OrderLines(staging.Estate, orders);
        var place = new Uri(staging.Addresses["storefront"], "_synclab/storefront/orders");
        var placed = new System.Collections.Concurrent.ConcurrentDictionary<string, (long At, long LegacyId)>(StringComparer.Ordinal);
        var rejected = 0;
        await Parallel.ForEachAsync(lines.Select((sku, i) => (sku, i)), new ParallelOptions { MaxDegreeOfParallelism = shoppers, CancellationToken = ct }, async (line, c) =>
        {
            var body = new { email = $"burst-{line.i}@example.com", firstName = "Burst", lastName = $"Shopper {line.i}", lines = new[] { new { sku = line.sku, quantity = 1 } } };
            using var response = await http.PostAsJsonAsync(place, body, c);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref rejected);
                return;
            }
            var at = Stopwatch.GetTimestamp();
            var order = await response.Content.ReadFromJsonAsync<JsonObject>(c);
            placed[(string)order!["id"]!] = (at, (long)order["legacyResourceId"]!);
        });
        return (placed, rejected);
    }

    /// <summary>
    /// One SKU per order, round-robin over web items that are clean (ERP number = SKU, not blocked) and stocked in a
    /// warehouse, never more orders of a SKU than the warehouse holds, so the storefront takes every order.
    /// </summary>
    internal static List<string> OrderLines(BusinessEstate estate, int orders)
    {
        var warehouses = estate.Locations.Where(l => l.Kind == LocationKind.Warehouse).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var stock = estate.Stock.Where(s => warehouses.Contains(s.LocationCode) && s.Quantity > 0)
            .GroupBy(s => s.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity), StringComparer.Ordinal);
        var candidates = estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku && i.UnitPrice > 0 && stock.ContainsKey(i.Sku)).Select(i => i.Sku).ToList();
        var lines = new List<string>(orders);
        while (lines.Count < orders && candidates.Count > 0)
        {
            foreach (var sku in candidates.ToList())
            {
                if (lines.Count == orders)
                {
                    break;
                }
                lines.Add(sku);
                if (--stock[sku] == 0)
                {
                    candidates.Remove(sku);
                }
            }
        }
        return lines;
    }

    /// <summary>How many of the orders the ERP holds as sales orders (external document number SHOPIFY-&lt;id&gt;), asked over its API.</summary>
    private static async Task<int> CountInErpAsync(HttpClient http, Uri erp, IReadOnlyList<long> orders, CancellationToken ct)
    {
        using var auth = new HttpRequestMessage(HttpMethod.Get, new Uri(erp, "api/v2.0/companies"));
        auth.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "synclab");
        using var companies = await http.SendAsync(auth, ct);
        var company = (string)(await companies.Content.ReadFromJsonAsync<JsonObject>(ct))!["value"]![0]!["id"]!;
        var found = 0;
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, c) =>
        {
            var filter = Uri.EscapeDataString($"externalDocumentNumber eq 'SHOPIFY-{id}'");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(erp, $"api/v2.0/companies({company})/salesOrders?$filter={filter}"));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "synclab");
            using var response = await http.SendAsync(request, c);
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>(c))?["value"] is JsonArray { Count: > 0 })
            {
                Interlocked.Increment(ref found);
            }
        });
        return found;
    }

    private static TimeSpan CpuSince(Process process, TimeSpan start)
    {
        process.Refresh();
        return process.TotalProcessorTime - start;
    }

    /// <summary>Nearest rank over every sample (no sampling, no interpolation).</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
