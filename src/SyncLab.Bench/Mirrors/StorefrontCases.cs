using System.Globalization;
using System.Text.Json;
using SyncLab.Bench.Load;
using SyncLab.Estate;

namespace SyncLab.Bench.Mirrors;

/// <summary>
/// Shopify Admin GraphQL 2025-01 with the engine's own operations: the variant by SKU
/// (<c>productVariants(query: "sku:…")</c>) and a price change (<c>productVariantsBulkUpdate</c>). GraphQL answers
/// 200 even when it fails, so an answer with <c>errors</c> or a non-empty <c>userErrors</c> counts as an error.
/// </summary>
internal static class StorefrontCases
{
    private const string Token = "shpat_synclab_bench";
    private const string Path = "/admin/api/2025-01/graphql.json";

    // The engine's queries (src/SyncLab.Engine/Connectors/Shopify/ShopifyAdminClient.cs).
    private const string VariantBySku = """
        query VariantBySku($q: String!) {
          productVariants(first: 2, query: $q) {
            edges { node { id sku price compareAtPrice product { id status } inventoryItem { id } } }
          }
        }
        """;

    private const string SetPrice = """
        mutation SetPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            productVariants { id price }
            userErrors { field message }
          }
        }
        """;

    private const string Resolve = """
        query Resolve($q: String!) {
          productVariants(first: 250, query: $q) { nodes { id sku product { id } } }
        }
        """;

    /// <summary>
    /// The cases draw from <paramref name="pool"/> (at most 250) SKUs sampled from the estate's web items, their ids
    /// found with one search (<c>sku:A,B,…</c>): paging the whole catalogue first would take longer than the run.
    /// </summary>
    public static async Task<IReadOnlyList<BenchCase>> CreateAsync(Uri storefront, BusinessEstate estate, int pool, int seed, HttpClient setup, CancellationToken ct)
    {
        var endpoint = new Uri(storefront, Path);
        var sample = Http.Sample(estate.Items.Where(i => i.WebEnabled).Select(i => i.Sku).ToList(), Math.Min(pool, 250), seed);
        var answer = await setup.ReadJsonAsync(Graph(endpoint, Resolve, new { q = "sku:" + string.Join(',', sample) }), ct);
        var variants = new List<(string Sku, string Id, string ProductId, byte[] SkuField, byte[] IdBytes)>();
        foreach (var node in answer["data"]?["productVariants"]?["nodes"]?.AsArray() ?? throw new InvalidOperationException($"the storefront did not resolve the sample: {answer.ToJsonString()}"))
        {
            var sku = (string)node!["sku"]!;
            var id = (string)node["id"]!;
            variants.Add((sku, id, (string)node["product"]!["id"]!, BenchRequest.Utf8($"\"sku\":{JsonSerializer.Serialize(sku)}"), BenchRequest.Utf8(id)));
        }
        if (variants.Count == 0)
        {
            throw new InvalidOperationException($"the storefront found none of {sample.Count} sampled SKUs: {answer.ToJsonString()}");
        }

        IReadOnlyList<byte[]> failed = [BenchRequest.Utf8("\"errors\""), BenchRequest.Utf8("\"userErrors\":[{")];
        var read = new BenchCase("storefront", Operation.Read, "GraphQL productVariants(query: \"sku:…\")", ctx =>
        {
            var variant = variants[ctx.Random.Next(variants.Count)];
            return new BenchRequest(Graph(endpoint, VariantBySku, new { q = $"sku:{variant.Sku}" }), variant.SkuField);
        }, failed);
        var write = new BenchCase("storefront", Operation.Write, "GraphQL productVariantsBulkUpdate (price)", ctx =>
        {
            var variant = variants[ctx.Random.Next(variants.Count)];
            var price = (1 + ctx.Random.Next(9_900) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var variables = new { productId = variant.ProductId, variants = new[] { new { id = variant.Id, price } } };
            return new BenchRequest(Graph(endpoint, SetPrice, variables), variant.IdBytes);
        }, failed);
        return [read, write];
    }

    private static HttpRequestMessage Graph(Uri endpoint, string query, object variables) =>
        new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Http.Json(JsonSerializer.Serialize(new { query, variables })) }
            .Header("X-Shopify-Access-Token", Token);
}
