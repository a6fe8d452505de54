using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SyncLab.Estate;

namespace SyncLab.Specs.Drivers;

/// <summary>What the stores' POS (Square) shows, read over its API as staff would see it: the catalogue, the till's offer, a sale.</summary>
public sealed class PosDriver(StagingConnection staging)
{
    private Uri Pos => staging.Addresses["pos"];

    /// <summary>Every catalogue ITEM whose variation carries the SKU (any case), with its variation.</summary>
    public async Task<IReadOnlyList<JsonNode>> ItemsAsync(string sku)
    {
        var found = await ApiAsync(HttpMethod.Post, "v2/catalog/search", new JsonObject
        {
            ["object_types"] = new JsonArray("ITEM_VARIATION"),
            ["include_related_objects"] = true,
            ["query"] = new JsonObject { ["exact_query"] = new JsonObject { ["attribute_name"] = "sku", ["attribute_value"] = sku } },
        });
        var items = found?["related_objects"]?.AsArray() ?? [];
        return [.. (found?["objects"]?.AsArray() ?? [])
            .Select(v => items.FirstOrDefault(i => (string?)i!["id"] == (string?)v!["item_variation_data"]?["item_id"]))
            .OfType<JsonNode>()];
    }

    /// <summary>The price on the item's variation; null when the catalogue has none.</summary>
    public static decimal? Price(JsonNode item) =>
        item["item_data"]?["variations"]?[0]?["item_variation_data"]?["price_money"]?["amount"] is { } cents ? (long)cents / 100m : null;

    public static bool Archived(JsonNode item) => (bool?)item["item_data"]?["is_archived"] ?? false;

    /// <summary>Whether the till offers the SKU when staff look it up (SearchCatalogItems: archived items are not offered).</summary>
    public async Task<bool> TillOffersAsync(string sku)
    {
        var found = await ApiAsync(HttpMethod.Post, "v2/catalog/search-catalog-items", new JsonObject { ["text_filter"] = sku });
        return (found?["items"]?.AsArray() ?? []).Any(i => string.Equals((string?)i!["item_data"]?["variations"]?[0]?["item_variation_data"]?["sku"], sku, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Rings one up at the estate's first store; the status the till answers (409 for an item it no longer sells).</summary>
    public async Task<HttpStatusCode> TryTillSaleAsync(string sku)
    {
        var store = staging.Estate.Locations.First(l => l.Kind == LocationKind.Store).Code;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Pos, "_synclab/pos/sales"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { locationCode = store, sku, quantity = 1, reference = $"scenario {staging.RunToken}" }),
        };
        using var response = await staging.Http.SendAsync(request);
        return response.StatusCode;
    }

    public static string Money(decimal? amount) => amount is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "no price";

    private Task<JsonNode?> ApiAsync(HttpMethod method, string path, object? body = null) =>
        staging.Http.SendOkAsync(method, new Uri(Pos, path), body, r => r.Headers.Add("Authorization", "Bearer synclab-specs"));
}
