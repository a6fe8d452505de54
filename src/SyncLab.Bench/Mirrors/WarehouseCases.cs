using SyncLab.Bench.Load;
using SyncLab.Bench.Targets;
using SyncLab.Estate;

namespace SyncLab.Bench.Mirrors;

/// <summary>
/// ShipStation API v2 inventory: a SKU's level (<c>GET /v2/inventory?sku=…</c>) and a receipt of one unit
/// (<c>POST /v2/inventory</c>, <c>increment</c>, answered 204). The baselines serve the same two requests
/// (<see cref="StubbedInventory"/>), with the mirror's own answers as their stubs.
/// </summary>
internal static class WarehouseCases
{
    private const string ApiKey = "synclab-bench";

    public static async Task<(IReadOnlyList<BenchCase> Cases, StubbedInventory Stubs)> CreateAsync(
        Uri warehouse, BusinessEstate estate, int stubbedSkus, int seed, HttpClient setup, CancellationToken ct)
    {
        var locations = (await setup.ReadJsonAsync(ShipStation(HttpMethod.Get, new Uri(warehouse, "/v2/inventory_locations")), ct))["inventory_locations"]!.AsArray()
            .Select(l => (string)l!["inventory_location_id"]!).ToArray();
        var skus = estate.Items.Select(i => i.Sku).ToArray();
        var skuFields = skus.Select(s => BenchRequest.Utf8($"\"sku\":\"{s}\"")).ToArray();

        // The baselines answer what the mirror answers: its answer for one SKU, the others filled in.
        var stubbed = Http.Sample(skus, Math.Max(1, stubbedSkus), seed);
        string template;
        using (var request = ShipStation(HttpMethod.Get, new Uri(warehouse, StubbedInventory.ReadPath(stubbed[0]))))
        using (var response = await setup.SendAsync(request, ct))
        {
            response.EnsureSuccessStatusCode();
            template = await response.Content.ReadAsStringAsync(ct);
        }

        var read = new BenchCase("warehouse", Operation.Read, "GET /v2/inventory?sku=…", ctx =>
        {
            var i = ctx.Random.Next(skus.Length);
            return new BenchRequest(ShipStation(HttpMethod.Get, new Uri(warehouse, StubbedInventory.ReadPath(skus[i]))), skuFields[i]);
        });
        var write = new BenchCase("warehouse", Operation.Write, "POST /v2/inventory (increment 1)", ctx =>
        {
            var sku = skus[ctx.Random.Next(skus.Length)];
            var request = ShipStation(HttpMethod.Post, new Uri(warehouse, StubbedInventory.Path));
            request.Content = Http.Json(StubbedInventory.WriteBody(sku, locations[ctx.Random.Next(locations.Length)]));
            return new BenchRequest(request);
        });
        return ([read, write], new StubbedInventory(stubbed, template, stubbed[0], locations[0]));
    }

    private static HttpRequestMessage ShipStation(HttpMethod method, Uri uri) => new HttpRequestMessage(method, uri).Header("api-key", ApiKey);
}
