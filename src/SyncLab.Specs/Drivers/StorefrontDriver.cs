using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

public sealed record StorefrontVariantView(string Sku, decimal Price, decimal? CompareAtPrice, int Available);

/// <summary>A product as the merchant's admin sees it, with its one variant.</summary>
public sealed record StorefrontProductView(
    string Title, string Handle, string Status, string Vendor, IReadOnlyList<string> Tags, string DescriptionHtml,
    decimal Price, decimal? CompareAtPrice, string InventoryPolicy, int Available);

/// <summary>Reads the storefront through its vendor API (Shopify Admin GraphQL), as the merchant's admin would see it.</summary>
public sealed class StorefrontDriver(StagingConnection staging)
{
    public async Task<StorefrontVariantView?> VariantAsync(string sku)
    {
        const string query = """
            query Variant($q: String!) {
              productVariants(first: 1, query: $q) {
                edges { node { sku price compareAtPrice
                  inventoryItem { inventoryLevels(first: 10) { edges { node { quantities(names: ["available"]) { name quantity } } } } } } }
              }
            }
            """;
        var body = await staging.Http.SendOkAsync(
            HttpMethod.Post,
            new Uri(staging.Storefront, "admin/api/2025-01/graphql.json"),
            new JsonObject { ["query"] = query, ["variables"] = new JsonObject { ["q"] = $"sku:{sku}" } },
            r => r.Headers.Add("X-Shopify-Access-Token", "synclab-specs"));
        if (body?["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"storefront GraphQL errors: {errors.ToJsonString()}");
        }
        var node = body?["data"]?["productVariants"]?["edges"]?.AsArray().FirstOrDefault()?["node"];
        if (node is null)
        {
            return null;
        }
        // The engine sells web stock at the storefront's first location, as configured.
        var level = node["inventoryItem"]?["inventoryLevels"]?["edges"]?.AsArray().FirstOrDefault()?["node"];
        var available = level?["quantities"]?.AsArray().FirstOrDefault(q => (string?)q?["name"] == "available")?["quantity"]?.GetValue<int>() ?? 0;
        return new StorefrontVariantView(
            (string)node["sku"]!,
            Money(node["price"])!.Value,
            Money(node["compareAtPrice"]),
            available);
    }

    /// <summary>Every product whose variant carries the SKU (exactly one, when the engine did its job).</summary>
    public async Task<IReadOnlyList<StorefrontProductView>> ProductsAsync(string sku)
    {
        const string query = """
            query Products($q: String!) {
              productVariants(first: 10, query: $q) {
                edges { node { sku price compareAtPrice inventoryPolicy inventoryQuantity
                  product { title handle status vendor tags descriptionHtml } } }
              }
            }
            """;
        var body = await staging.Http.SendOkAsync(
            HttpMethod.Post,
            new Uri(staging.Storefront, "admin/api/2025-01/graphql.json"),
            new JsonObject { ["query"] = query, ["variables"] = new JsonObject { ["q"] = $"sku:{sku}" } },
            r => r.Headers.Add("X-Shopify-Access-Token", "synclab-specs"));
        if (body?["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"storefront GraphQL errors: {errors.ToJsonString()}");
        }
        return body!["data"]!["productVariants"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!)
            .Where(n => (string?)n["sku"] == sku)
            .Select(n =>
            {
                var p = n["product"]!;
                return new StorefrontProductView(
                    (string)p["title"]!, (string)p["handle"]!, (string)p["status"]!, (string)p["vendor"]!,
                    p["tags"]!.AsArray().Select(t => (string)t!).ToList(), (string)p["descriptionHtml"]!,
                    Money(n["price"])!.Value, Money(n["compareAtPrice"]), (string)n["inventoryPolicy"]!, (int?)n["inventoryQuantity"] ?? 0);
            })
            .ToList();
    }

    /// <summary>Places an order as a shopper would at checkout (the storefront's business action).</summary>
    public async Task<JsonNode> PlaceOrderAsync(string email, IReadOnlyList<(string Sku, int Quantity)> lines) =>
        (await staging.Http.SendOkAsync(
            HttpMethod.Post,
            new Uri(staging.Storefront, "_synclab/storefront/orders"),
            new { email, firstName = "Scenario", lastName = "Shopper", lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToList() }))!;

    /// <summary>Cancels an order through the Admin API, as the merchant's staff would, restocking it.</summary>
    public async Task CancelOrderAsync(string orderId)
    {
        const string mutation = """
            mutation Cancel($id: ID!) {
              orderCancel(orderId: $id, reason: CUSTOMER, refund: true, restock: true, notifyCustomer: false) {
                orderCancelUserErrors { field message code }
              }
            }
            """;
        var body = await staging.Http.SendOkAsync(
            HttpMethod.Post,
            new Uri(staging.Storefront, "admin/api/2025-01/graphql.json"),
            new JsonObject { ["query"] = mutation, ["variables"] = new JsonObject { ["id"] = orderId } },
            r => r.Headers.Add("X-Shopify-Access-Token", "synclab-specs"));
        if (body?["errors"] is JsonArray { Count: > 0 } || body?["data"]?["orderCancel"]?["orderCancelUserErrors"] is JsonArray { Count: > 0 })
        {
            throw new InvalidOperationException($"the storefront refused to cancel {orderId}: {body!.ToJsonString()}");
        }
    }

    private static decimal? Money(JsonNode? node) =>
        node is null ? null : decimal.Parse(node.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
