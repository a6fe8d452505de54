using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// The merchant's staff editing the storefront in its admin, behind the engine's back (Shopify Admin GraphQL, as the
/// admin does): what makes the storefront drift from the ERP between two reconciliations.
/// </summary>
public sealed class StorefrontAdminDriver(StagingConnection staging)
{
    public async Task SetPriceAsync(string sku, decimal price)
    {
        var ids = await IdsAsync(sku);
        await GraphAsync(
            "mutation($p: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $p, variants: $v) { userErrors { message } } }",
            new JsonObject { ["p"] = ids.Product, ["v"] = new JsonArray(new JsonObject { ["id"] = ids.Variant, ["price"] = price.ToString("0.00", CultureInfo.InvariantCulture) }) },
            "productVariantsBulkUpdate");
    }

    public async Task SetAvailableAsync(string sku, int quantity)
    {
        var ids = await IdsAsync(sku);
        var location = (string)(await GraphAsync("{ locations(first: 1) { edges { node { id } } } }", []))!["locations"]!["edges"]![0]!["node"]!["id"]!;
        await GraphAsync(
            "mutation($i: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $i) { userErrors { message } } }",
            new JsonObject
            {
                ["i"] = new JsonObject
                {
                    ["name"] = "available", ["reason"] = "correction", ["ignoreCompareQuantity"] = true,
                    ["quantities"] = new JsonArray(new JsonObject { ["inventoryItemId"] = ids.InventoryItem, ["locationId"] = location, ["quantity"] = quantity }),
                },
            },
            "inventorySetQuantities");
    }

    /// <summary>ACTIVE, DRAFT or ARCHIVED.</summary>
    public async Task SetStatusAsync(string sku, string status)
    {
        var ids = await IdsAsync(sku);
        await GraphAsync(
            "mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }",
            new JsonObject { ["p"] = new JsonObject { ["id"] = ids.Product, ["status"] = status } },
            "productUpdate");
    }

    /// <summary>A product the staff list by hand, with a SKU of their own.</summary>
    public Task CreateAsync(string sku, string title) =>
        GraphAsync(
            "mutation($i: ProductSetInput!) { productSet(input: $i, synchronous: true) { product { id } userErrors { message } } }",
            new JsonObject
            {
                ["i"] = new JsonObject
                {
                    ["title"] = title, ["status"] = "ACTIVE",
                    ["productOptions"] = new JsonArray(new JsonObject { ["name"] = "Title", ["values"] = new JsonArray(new JsonObject { ["name"] = "Default Title" }) }),
                    ["variants"] = new JsonArray(new JsonObject
                    {
                        ["optionValues"] = new JsonArray(new JsonObject { ["optionName"] = "Title", ["name"] = "Default Title" }),
                        ["sku"] = sku, ["price"] = "15.00",
                    }),
                },
            },
            "productSet");

    private async Task<(string Product, string Variant, string InventoryItem)> IdsAsync(string sku)
    {
        var data = await GraphAsync("query($q: String!) { productVariants(first: 1, query: $q) { edges { node { id product { id } inventoryItem { id } } } } }", new JsonObject { ["q"] = $"sku:{sku}" });
        var node = data!["productVariants"]!["edges"]!.AsArray().FirstOrDefault()?["node"] ?? throw new InvalidOperationException($"the storefront has no variant with SKU {sku}");
        return ((string)node["product"]!["id"]!, (string)node["id"]!, (string)node["inventoryItem"]!["id"]!);
    }

    private async Task<JsonNode?> GraphAsync(string query, JsonObject variables, string? mutation = null)
    {
        var body = await staging.Http.SendOkAsync(
            HttpMethod.Post,
            new Uri(staging.Storefront, "admin/api/2025-01/graphql.json"),
            new JsonObject { ["query"] = query, ["variables"] = variables },
            r => r.Headers.Add("X-Shopify-Access-Token", "synclab-specs"));
        if (body?["errors"] is JsonArray { Count: > 0 } || (mutation is not null && body?["data"]?[mutation]?["userErrors"] is JsonArray { Count: > 0 }))
        {
            throw new InvalidOperationException($"the storefront admin refused the edit: {body!.ToJsonString()}");
        }
        return body!["data"];
    }
}
