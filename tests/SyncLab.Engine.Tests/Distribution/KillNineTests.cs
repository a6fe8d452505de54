using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using SyncLab.Testing;
using Xunit.Abstractions;

namespace SyncLab.Engine.Tests.Distribution;

/// <summary>
/// The engine killed with SIGKILL in the middle of an order burst, as a machine dies: every web order still reaches
/// the ERP exactly once and the warehouse exactly once. The engines are real <c>synclab engine</c> processes on the
/// system clock; the mirrors run here, on loopback, also on real time. Orders are placed while the engines work,
/// and the kill comes once a quarter of them are in the ERP.
/// Size: <c>SYNCLAB_KILL_ORDERS</c>, default 1000 in the suite (each test then takes one to two minutes on a loaded
/// two-core machine, under the suite's ten-minute limit per test); the 10,000-order runs of the engine issue are the same tests with
/// <c>SYNCLAB_KILL_ORDERS=10000</c> (docs/engine.md gives the command and the figures).
/// </summary>
[Collection(KillNineCollection.Name)]
public sealed class KillNineTests(ITestOutputHelper output)
{
    /// <summary>Generous on a loaded two-core machine (about 20 orders a second placed and worked), and growing with the burst.</summary>
    private static TimeSpan Patience => TimeSpan.FromMinutes(4) + (TimeSpan.FromMilliseconds(150) * Orders);

    private static int Orders =>
        int.TryParse(Environment.GetEnvironmentVariable("SYNCLAB_KILL_ORDERS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1_000;

    [Fact]
    public Task an_embedded_engine_killed_mid_burst_and_restarted_loses_and_doubles_no_order() =>
        RunAsync(Setup.Embedded);

    [Fact]
    public Task an_engine_on_postgresql_killed_mid_burst_and_restarted_loses_and_doubles_no_order() =>
        RunAsync(Setup.Postgres);

    [Fact]
    public Task two_nodes_on_rabbitmq_one_killed_mid_burst_lose_and_double_no_order() =>
        RunAsync(Setup.TwoNodes);

    private enum Setup
    {
        Embedded,
        Postgres,
        TwoNodes,
    }

    private async Task RunAsync(Setup setup)
    {
        using var limit = new CancellationTokenSource(Patience);
        var ct = limit.Token;
        await using var mirrors = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42,
            Skus = 30,
            BasePort = 0,
            ClockRate = 1,
            StartEngine = false,
            VendorThrottling = false,
            ForeignServices = new() { Enabled = false },
            MirrorStore = Environment.GetEnvironmentVariable("SYNCLAB_KILL_MIRROR_STORE") == "sqlite" ? new SyncLab.MirrorKit.Storage.StoreOptions(SyncLab.MirrorKit.Storage.StoreKind.Sqlite) : SyncLab.MirrorKit.Storage.StoreOptions.InMemory,
        }, ct: ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var directory = Directory.CreateTempSubdirectory("synclab-kill-").FullName;
        var nodes = new List<EngineNode>();
        try
        {
            var store = setup == Setup.Embedded
                ? new JsonObject { ["sqlite"] = Path.Combine(directory, "engine.db") }
                : new JsonObject { ["postgres"] = await TestServices.CreateIsolatedPostgresDatabaseAsync("kill", ct) };
            var estate = "kill-" + Guid.NewGuid().ToString("N")[..8];
            JsonObject Config(int index) => EngineConfig(mirrors, store, setup == Setup.TwoNodes ? Distribution(estate, index) : null);

            nodes.Add(await EngineNode.StartAsync("a", directory, Config(0), ct));
            if (setup == Setup.TwoNodes)
            {
                nodes.Add(await EngineNode.StartAsync("b", directory, Config(1), ct));
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await QuiescentAsync(http, nodes[0], ct);
            var skus = await StockUpAsync(http, mirrors, nodes[0], ct);
            output.WriteLine($"{setup}: engines up, first sync and stock-up done in {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();

            // The burst, with the kill once a quarter of it is in the ERP (while the orders are still coming, when the
            // engine keeps up; else as soon as it gets there).
            var placed = new List<string>();
            var killed = false;
            async Task KillWhenAQuarterIsInAsync()
            {
                if (!killed && await ErpOrderCountAsync(http, mirrors, ct) >= Orders / 4)
                {
                    if (setup == Setup.TwoNodes)
                    {
                        // Sharing, not standing by: each node has worked its own shards' orders before one dies.
                        Assert.True(nodes.All(n => n.OrdersToErp > 0), $"work not shared: {string.Join(", ", nodes.Select(n => $"{n.Name} {n.OrdersToErp}"))}");
                    }
                    nodes[0].KillNine();
                    killed = true;
                    output.WriteLine($"{setup}: engine {nodes[0].Name} killed at {clock.Elapsed.TotalSeconds:0.0} s, {placed.Count} orders placed");
                    if (setup != Setup.TwoNodes)
                    {
                        nodes[0] = await EngineNode.StartAsync("a-again", directory, Config(0), ct);
                    }
                }
            }
            foreach (var chunk in Enumerable.Range(0, Orders).Chunk(Math.Max(10, Orders / 50)))
            {
                placed.AddRange(await PlaceAsync(http, mirrors, skus, chunk, ct));
                await KillWhenAQuarterIsInAsync();
            }
            while (!killed)
            {
                await KillWhenAQuarterIsInAsync();
            }
            output.WriteLine($"{setup}: {placed.Count} orders placed in {clock.Elapsed.TotalSeconds:0.0} s");
            var survivor = nodes[^1];
            await SyncNowAsync(http, survivor, ct);
            await QuiescentAsync(http, survivor, ct);
            output.WriteLine($"{setup}: engine quiescent {clock.Elapsed.TotalSeconds:0.0} s after the burst began; orders to the ERP by node: {string.Join(", ", nodes.Select(n => $"{n.Name} {n.OrdersToErp}"))}");
            if (setup == Setup.TwoNodes)
            {
                // The survivor took the dead node's shards (and its lead, which polls): it worked more than its own half.
                var status = await http.GetStringAsync(new Uri(survivor.Address, "engine/status"), ct);
                Assert.Contains("\"leads\":true", status, StringComparison.Ordinal);
            }

            var erp = await ErpExternalNumbersAsync(http, mirrors, ct);
            var warehouse = await WarehouseExternalIdsAsync(http, mirrors, ct);
            var expected = placed.Select(id => "SHOPIFY-" + id).ToHashSet(StringComparer.Ordinal);
            Assert.True(placed.Count >= Orders * 9 / 10, $"only {placed.Count} of {Orders} orders could be placed");
            AssertExactlyOnce("ERP sales orders", expected, erp, survivor);
            AssertExactlyOnce("warehouse shipments", expected, warehouse, survivor);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertExactlyOnce(string what, HashSet<string> expected, List<string> found, EngineNode node)
    {
        var doubled = found.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = expected.Except(found, StringComparer.Ordinal).ToList();
        var stray = found.Distinct(StringComparer.Ordinal).Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(doubled.Count == 0 && missing.Count == 0 && stray.Count == 0,
            $"{what}: {found.Count} for {expected.Count} web orders; doubled {doubled.Count} ({string.Join(", ", doubled.Take(5))}), " +
            $"missing {missing.Count} ({string.Join(", ", missing.Take(5))}), stray {stray.Count}. Engine {node.Name}: {node.Tail}");
    }

    private static JsonObject EngineConfig(StagingHost mirrors, JsonObject store, JsonObject? distribution)
    {
        var config = new JsonObject
        {
            ["listen"] = "http://127.0.0.1:0",
            ["erp"] = new JsonObject { ["baseUrl"] = mirrors.Addresses["erp"].ToString(), ["token"] = "kill-test" },
            ["storefront"] = new JsonObject { ["baseUrl"] = mirrors.Addresses["storefront"].ToString(), ["token"] = "kill-test" },
            ["warehouse"] = new JsonObject { ["baseUrl"] = mirrors.Addresses["warehouse"].ToString(), ["apiKey"] = "kill-test" },
            ["merchantTimeZone"] = mirrors.Estate.Options.TimeZone,
            ["pollInterval"] = "00:00:01",
            ["store"] = store.DeepClone(),
        };
        if (distribution is not null)
        {
            config["distribution"] = distribution;
        }
        return config;
    }

    private static JsonObject Distribution(string estate, int index) => new()
    {
        ["rabbitMq"] = TestServices.RabbitMqUri(),
        ["estate"] = estate,
        ["node"] = index == 0 ? "a" : "b",
        ["nodeIndex"] = index,
        ["nodeCount"] = 2,
        ["shards"] = 8,
        ["standbyAfter"] = "00:02:00",
    };

    /// <summary>Plenty of stock for the burst on the web items the storefront sells, booked in the ERP and synced by the engine.</summary>
    private static async Task<List<string>> StockUpAsync(HttpClient http, StagingHost mirrors, EngineNode engine, CancellationToken ct)
    {
        var skus = mirrors.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku && i.UnitPrice > 0).Select(i => i.Sku).Take(12).ToList();
        var warehouse = mirrors.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code;
        foreach (var sku in skus)
        {
            using var response = await http.PostAsJsonAsync(
                new Uri(mirrors.Addresses["erp"], $"_synclab/erp/items/{sku}/stock-adjustments"), new { locationCode = warehouse, quantity = Orders * 2, reason = "burst" }, ct);
            response.EnsureSuccessStatusCode();
        }
        await SyncNowAsync(http, engine, ct);
        await QuiescentAsync(http, engine, ct);
        return skus;
    }

    /// <summary>Places the orders of <paramref name="chunk"/> (eight at a time) and answers the ids of those the shop took.</summary>
    private static async Task<List<string>> PlaceAsync(HttpClient http, StagingHost mirrors, List<string> skus, int[] chunk, CancellationToken ct)
    {
        var placed = new System.Collections.Concurrent.ConcurrentBag<string>();
        var endpoint = new Uri(mirrors.Addresses["storefront"], "_synclab/storefront/orders");
        await Parallel.ForEachAsync(chunk, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, c) =>
        {
            var body = new
            {
                email = $"burst{i % 97}@example.com",
                firstName = "Burst",
                lastName = $"Shopper{i % 97}",
                lines = new[] { new { sku = skus[i % skus.Count], quantity = 1 + (i % 3) } },
                idempotencyKey = $"burst-{i}",
            };
            using var response = await http.PostAsJsonAsync(endpoint, body, c);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                var order = await response.Content.ReadFromJsonAsync<JsonObject>(c);
                placed.Add(((long)order!["legacyResourceId"]!).ToString(CultureInfo.InvariantCulture));
            }
        });
        return [.. placed];
    }

    private static async Task<int> ErpOrderCountAsync(HttpClient http, StagingHost mirrors, CancellationToken ct)
    {
        var erp = mirrors.Addresses["erp"];
        var company = (string)(await StagingHttp.ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var page = await StagingHttp.ErpAsync(http, erp, $"api/v2.0/companies({company})/salesOrders?$count=true&$top=1&$select=number");
        ct.ThrowIfCancellationRequested();
        return (int)page!["@odata.count"]!;
    }

    /// <summary>Every ERP sales order's external document number, page by page.</summary>
    private static async Task<List<string>> ErpExternalNumbersAsync(HttpClient http, StagingHost mirrors, CancellationToken ct)
    {
        var erp = mirrors.Addresses["erp"];
        var company = (string)(await StagingHttp.ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var numbers = new List<string>();
        string? next = $"api/v2.0/companies({company})/salesOrders?$select=externalDocumentNumber";
        while (next is not null)
        {
            ct.ThrowIfCancellationRequested();
            var page = await StagingHttp.ErpAsync(http, erp, next);
            numbers.AddRange(page!["value"]!.AsArray().Select(o => (string)o!["externalDocumentNumber"]!).Where(n => n.StartsWith("SHOPIFY-", StringComparison.Ordinal)));
            next = (string?)page["@odata.nextLink"];
        }
        return numbers;
    }

    /// <summary>Every warehouse shipment that is not cancelled, by its external shipment id.</summary>
    private static async Task<List<string>> WarehouseExternalIdsAsync(HttpClient http, StagingHost mirrors, CancellationToken ct)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(mirrors.Addresses["warehouse"], $"v2/shipments?page_size=500&page={page}"));
            request.Headers.Add("api-key", "kill-test");
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            ids.AddRange(body!["shipments"]!.AsArray().Where(s => (string?)s!["shipment_status"] != "cancelled").Select(s => (string)s!["external_shipment_id"]!));
            if (page >= (int)body["pages"]!)
            {
                return ids;
            }
        }
    }

    private static async Task SyncNowAsync(HttpClient http, EngineNode node, CancellationToken ct)
    {
        using var response = await http.PostAsync(new Uri(node.Address, "engine/sync"), null, ct);
        Assert.True(response.IsSuccessStatusCode, $"engine {node.Name}: sync now answered {(int)response.StatusCode}: {node.Tail}");
    }

    /// <summary>Waits on the engine's own quiescence signal, asked again while the engine is still busy.</summary>
    private static async Task QuiescentAsync(HttpClient http, EngineNode node, CancellationToken ct)
    {
        while (true)
        {
            using var response = await http.GetAsync(new Uri(node.Address, "engine/quiescence?timeoutSeconds=60"), ct);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"engine {node.Name}: quiescence answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)} {node.Tail}");
        }
    }
}

/// <summary>The kill tests run one at a time: each loads both cores with an order burst and engine processes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillNineCollection
{
    public const string Name = "kill -9";
}
