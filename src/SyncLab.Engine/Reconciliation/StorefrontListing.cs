using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Reconciliation;

/// <summary>
/// A storefront variant as a reconciliation reads it: product status, tags, prices, policy, and the quantities
/// available and committed (open web orders) at one location (<paramref name="Available"/> null: not stocked there).
/// </summary>
public sealed record ListedVariant(ShopifyVariant Variant, int? Available, int Committed = 0);

/// <summary>Reads every variant of the shop page by page (Admin GraphQL <c>productVariants</c>, following <c>endCursor</c>), with its quantities at one location.</summary>
public static class StorefrontListing
{
    private const int Page = 50;

    public static async Task<IReadOnlyList<ListedVariant>> ReadAllAsync(ShopifyAdminClient shop, string locationId, CancellationToken ct)
    {
        const string query = """
            query Listing($first: Int!, $after: String, $locationId: ID!) {
              productVariants(first: $first, after: $after) {
                edges { node { id sku price compareAtPrice inventoryPolicy product { id status tags vendor }
                  inventoryItem { id inventoryLevel(locationId: $locationId) { quantities(names: ["available", "committed"]) { name quantity } } } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var listed = new List<ListedVariant>();
        string? after = null;
        do
        {
            var data = await shop.SendAsync(query, new JsonObject { ["first"] = Page, ["after"] = after, ["locationId"] = locationId }, ct);
            var connection = data["productVariants"]!;
            foreach (var n in connection["edges"]!.AsArray().Select(e => e!["node"]!))
            {
                var variant = ShopifyAdminClient.ParseVariant(n);
                var quantities = n["inventoryItem"]?["inventoryLevel"]?["quantities"]?.AsArray();
                int? Named(string name) => (int?)quantities?.FirstOrDefault(q => (string?)q?["name"] == name)?["quantity"];
                listed.Add(new ListedVariant(variant, quantities is { Count: > 0 } ? Named("available") ?? 0 : null, Named("committed") ?? 0));
            }
            after = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]?["endCursor"] : null;
        }
        while (after is not null);
        return listed;
    }
}
