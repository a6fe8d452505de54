using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Inventory;

/// <summary>A variant's stock at one storefront location: what it offers and what open web orders hold.</summary>
public sealed record StorefrontQuantities(int Available, int Committed);

/// <summary>A listed variant (its inventory item and product status) with its quantities at one location (null: not stocked there).</summary>
public sealed record StorefrontVariantStock(string InventoryItemId, string ProductStatus, StorefrontQuantities? Quantities);

/// <summary>
/// Reads a storefront location's <c>available</c> and <c>committed</c> together and sets <c>available</c> only if
/// it is still what was read (Shopify's compare-and-set, <c>compareQuantity</c>): an order placed between the
/// read and the write makes the write stale, and the plan is made again — never an oversell from a lost update.
/// Writes go through one <see cref="StorefrontStockWriter"/> for the engine, so handlers writing at once share a call.
/// </summary>
public sealed class StorefrontStock(ShopifyAdminClient shop)
{
    private readonly StorefrontStockWriter _writer = new(shop.SetAvailableAsync);

    /// <summary>The group-commit writer every stock write goes through.</summary>
    public StorefrontStockWriter Writer => _writer;

    /// <summary>The SKU's variant with its quantities at a location, in one query; null when the storefront does not list the SKU.</summary>
    public async Task<StorefrontVariantStock?> VariantStockAsync(string sku, string locationId, CancellationToken ct)
    {
        const string query = """
            query VariantStock($q: String!, $locationId: ID!) {
              productVariants(first: 2, query: $q) {
                edges { node { sku product { status }
                  inventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available", "committed"]) { name quantity } } } } }
              }
            }
            """;
        var data = await shop.SendAsync(query, new JsonObject { ["q"] = $"sku:{sku}", ["locationId"] = locationId }, ct);
        var node = data["productVariants"]?["edges"]?.AsArray().Select(e => e!["node"]!).FirstOrDefault(n => (string?)n["sku"] == sku);
        if (node is null)
        {
            return null;
        }
        var quantities = node["inventoryItem"]?["inventoryLevel"]?["quantities"] as JsonArray;
        int Named(string name) => (int?)quantities!.FirstOrDefault(q => (string?)q?["name"] == name)?["quantity"] ?? 0;
        return new StorefrontVariantStock(
            (string)node["inventoryItem"]!["id"]!,
            (string?)node["product"]?["status"] ?? "ACTIVE",
            quantities is null ? null : new StorefrontQuantities(Named("available"), Named("committed")));
    }

    /// <summary>Sets <c>available</c> if it still is <paramref name="expected"/>; a stale compare is a transient failure (planned again).</summary>
    public Task SetAvailableAsync(string inventoryItemId, string locationId, int quantity, int expected, CancellationToken ct) =>
        _writer.SetAsync(new ShopifyQuantity(inventoryItemId, locationId, quantity, expected), ct);

    /// <summary>Sets <c>available</c> whatever it is now (a set: applying it twice leaves the same number).</summary>
    public Task SetAvailableAsync(string inventoryItemId, string locationId, int quantity, CancellationToken ct) =>
        _writer.SetAsync(new ShopifyQuantity(inventoryItemId, locationId, quantity, null), ct);
}
