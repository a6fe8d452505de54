using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>One fulfilment of a web order on the storefront: the parcel's tracking number, its carrier, and the units of each SKU it carries.</summary>
public sealed record FulfilledParcel(string TrackingNumber, string Carrier, IReadOnlyDictionary<string, int> Units);

public sealed record FulfilmentView(int Fulfillments, IReadOnlyList<string> TrackingNumbers, IReadOnlyList<string> Carriers, string Status);

/// <summary>
/// What happens to a web order after it is placed: its fulfilments and refunds on the storefront (Admin GraphQL,
/// as the merchant's staff use it), and the invoices and credit memos the ERP posts for it (BC API v2.0).
/// </summary>
public sealed class OrderBackFlowDriver(StagingConnection staging)
{
    public async Task<FulfilmentView> FulfilmentAsync(string orderId)
    {
        var data = await GraphAsync(
            "query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments(first: 20) { trackingInfo { number company } } } }",
            new JsonObject { ["id"] = orderId });
        var fulfillments = data["order"]!["fulfillments"]!.AsArray();
        var tracking = fulfillments.SelectMany(f => f!["trackingInfo"]!.AsArray()).ToList();
        return new FulfilmentView(
            fulfillments.Count,
            tracking.Select(t => (string)t!["number"]!).ToList(),
            tracking.Select(t => (string?)t!["company"] ?? string.Empty).ToList(),
            (string)data["order"]!["displayFulfillmentStatus"]!);
    }

    /// <summary>The order's fulfilments on the storefront, oldest first, each with what it carries.</summary>
    public async Task<IReadOnlyList<FulfilledParcel>> ParcelsAsync(string orderId)
    {
        var data = await GraphAsync(
            "query($id: ID!) { order(id: $id) { fulfillments(first: 20) { trackingInfo { number company } fulfillmentLineItems(first: 50) { edges { node { quantity lineItem { sku } } } } } } }",
            new JsonObject { ["id"] = orderId });
        return data["order"]!["fulfillments"]!.AsArray().Select(f => new FulfilledParcel(
            (string?)f!["trackingInfo"]![0]?["number"] ?? string.Empty,
            (string?)f["trackingInfo"]![0]?["company"] ?? string.Empty,
            f["fulfillmentLineItems"]!["edges"]!.AsArray().Select(e => e!["node"]!)
                .GroupBy(n => (string)n["lineItem"]!["sku"]!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Sum(n => (int)n["quantity"]!), StringComparer.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Refunds units of the order's line for a SKU, as the merchant's staff would (refundCreate).</summary>
    public async Task RefundAsync(string orderId, string sku, int quantity, string restockType)
    {
        var order = await GraphAsync("query($id: ID!) { order(id: $id) { lineItems(first: 50) { edges { node { id sku } } } } }", new JsonObject { ["id"] = orderId });
        var line = order["order"]!["lineItems"]!["edges"]!.AsArray().Select(e => e!["node"]!).FirstOrDefault(n => string.Equals((string?)n["sku"], sku, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"order {orderId} has no line for {sku}");
        var result = await GraphAsync("mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }", new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["orderId"] = orderId,
                ["note"] = "scenario return",
                ["refundLineItems"] = new JsonArray(new JsonObject { ["lineItemId"] = (string)line["id"]!, ["quantity"] = quantity, ["restockType"] = restockType }),
            },
        });
        if (result["refundCreate"]!["userErrors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"the storefront refused the refund: {errors.ToJsonString()}");
        }
    }

    public async Task<IReadOnlyList<string>> RefundIdsAsync(string orderId)
    {
        var data = await GraphAsync("query($id: ID!) { order(id: $id) { refunds(first: 20) { id } } }", new JsonObject { ["id"] = orderId });
        return data["order"]!["refunds"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
    }

    /// <summary>ERP documents (salesInvoices, salesCreditMemos, salesOrders) whose external document number matches <paramref name="filter"/> (OData).</summary>
    public async Task<IReadOnlyList<JsonNode>> ErpDocumentsAsync(string entitySet, string filter, bool withLines = false)
    {
        var company = (string)(await ErpAsync("api/v2.0/companies"))!["value"]![0]!["id"]!;
        var expand = withLines ? $"&$expand={(entitySet == "salesCreditMemos" ? "salesCreditMemoLines" : "salesInvoiceLines")}" : string.Empty;
        var page = await ErpAsync($"api/v2.0/companies({company})/{entitySet}?$filter={Uri.EscapeDataString(filter)}{expand}");
        return page!["value"]!.AsArray().Select(d => d!).ToList();
    }

    private async Task<JsonNode> GraphAsync(string query, JsonObject variables)
    {
        var body = await staging.Http.SendOkAsync(
            HttpMethod.Post,
            new Uri(staging.Storefront, "admin/api/2025-01/graphql.json"),
            new JsonObject { ["query"] = query, ["variables"] = variables },
            r => r.Headers.Add("X-Shopify-Access-Token", "synclab-specs"));
        if (body?["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"storefront GraphQL errors: {errors.ToJsonString()}");
        }
        return body!["data"]!;
    }

    private Task<JsonNode?> ErpAsync(string path) =>
        staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Erp, path), configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "synclab-specs"));
}
