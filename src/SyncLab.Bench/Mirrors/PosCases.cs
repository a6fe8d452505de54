using System.Globalization;
using SyncLab.Bench.Load;
using SyncLab.Estate;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Bench.Mirrors;

/// <summary>
/// Square Inventory API: a store's count of one variation (<c>counts/batch-retrieve</c>) and one unit received
/// into stock (<c>changes/batch-create</c>, an ADJUSTMENT NONE → IN_STOCK with a fresh idempotency key).
/// Variation ids are Square's deterministic ids of the estate's sellable items (<see cref="SquareIds"/>).
/// </summary>
internal static class PosCases
{
    private const string Token = "synclab-bench";
    private const string Version = "2025-08-20";

    public static async Task<IReadOnlyList<BenchCase>> CreateAsync(Uri pos, BusinessEstate estate, DateTimeOffset businessNow, HttpClient setup, CancellationToken ct)
    {
        var locations = (await setup.ReadJsonAsync(Square(HttpMethod.Get, new Uri(pos, "/v2/locations")), ct))["locations"]!.AsArray()
            .Select(l => (string)l!["id"]!).ToArray();
        var variations = estate.Items.Where(i => !i.Blocked).Select(i => SquareIds.Variation(i.Sku)).ToArray();
        var variationBytes = variations.Select(BenchRequest.Utf8).ToArray();
        var occurredAt = businessNow.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var read = new BenchCase("pos", Operation.Read, "POST inventory/counts/batch-retrieve (1 variation, 1 store)", ctx =>
        {
            var v = ctx.Random.Next(variations.Length);
            var location = locations[ctx.Random.Next(locations.Length)];
            var request = Square(HttpMethod.Post, new Uri(pos, "/v2/inventory/counts/batch-retrieve"));
            request.Content = Http.Json($$"""{"catalog_object_ids":["{{variations[v]}}"],"location_ids":["{{location}}"],"states":["IN_STOCK"]}""");
            return new BenchRequest(request, variationBytes[v]);
        });
        var write = new BenchCase("pos", Operation.Write, "POST inventory/changes/batch-create (ADJUSTMENT +1)", ctx =>
        {
            var v = ctx.Random.Next(variations.Length);
            var location = locations[ctx.Random.Next(locations.Length)];
            var key = string.Create(CultureInfo.InvariantCulture, $"bench-{ctx.Worker}-{ctx.Sequence}");
            var request = Square(HttpMethod.Post, new Uri(pos, "/v2/inventory/changes/batch-create"));
            request.Content = Http.Json($$$"""
                {"idempotency_key":"{{{key}}}","changes":[{"type":"ADJUSTMENT","adjustment":{"from_state":"NONE","to_state":"IN_STOCK","location_id":"{{{location}}}","catalog_object_id":"{{{variations[v]}}}","quantity":"1","occurred_at":"{{{occurredAt}}}"}}]}
                """);
            return new BenchRequest(request, variationBytes[v]);
        });
        return [read, write];
    }

    private static HttpRequestMessage Square(HttpMethod method, Uri uri) =>
        new HttpRequestMessage(method, uri).Bearer(Token).Header("Square-Version", Version);
}
