using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>A staging plus the calls the back-flow tests make on its systems' vendor and admin APIs.</summary>
internal sealed class BackFlowStaging : IAsyncDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private BackFlowStaging(StagingHost host) => Host = host;

    public StagingHost Host { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A small staging, its clock frozen; <paramref name="configureEngine"/> may change the engine's options and
    /// <paramref name="configure"/> the staging's (the poll interval, webhooks at start).
    /// </summary>
    public static async Task<BackFlowStaging> StartAsync(Func<EngineOptions, EngineOptions>? configureEngine = null, Func<StagingOptions, StagingOptions>? configure = null)
    {
        var options = new StagingOptions
        {
            Seed = 42,
            Skus = 20,
            BasePort = 0,
            ClockStart = Epoch,
            ClockRate = 0,
            ForeignServices = new ForeignServicesOptions { Enabled = false },
            ConfigureEngine = configureEngine,
        };
        var host = await StagingHost.StartAsync(configure?.Invoke(options) ?? options);
        var staging = new BackFlowStaging(host);
        await staging.QuiescentAsync();
        return staging;
    }

    /// <summary>A web item the warehouse stocks enough of to ship <paramref name="quantity"/>.</summary>
    public string StockedWebSku(int quantity, int skip = 0)
    {
        var warehouse = Host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code;
        var stocked = Host.Estate.Stock.Where(s => s.LocationCode == warehouse && s.Quantity >= quantity).Select(s => s.Sku).ToHashSet();
        return Host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && stocked.Contains(i.Sku)).Skip(skip).First().Sku;
    }

    public async Task PollAsync()
    {
        Host.Clock.Advance(Host.Options.PollInterval);
        await QuiescentAsync();
    }

    public async Task QuiescentAsync()
    {
        using var response = await Http.GetAsync(new Uri(Host.Addresses["engine"], "engine/quiescence?timeoutSeconds=60"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode> PlaceOrderAsync(string email, params (string Sku, int Quantity)[] lines)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Host.Addresses["storefront"], "_synclab/storefront/orders"),
            new { email, firstName = "Test", lastName = "Shopper", lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToList() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static string External(JsonNode order) => $"SHOPIFY-{(long)order["legacyResourceId"]!}";

    public async Task<JsonNode> GraphAsync(string query, JsonObject variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.Addresses["storefront"], "admin/api/2025-01/graphql.json"))
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }),
        };
        request.Headers.Add("X-Shopify-Access-Token", "test");
        using var response = await Http.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    public async Task CancelOrderAsync(JsonNode order) =>
        await GraphAsync("mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, refund: true, restock: true, notifyCustomer: false) { orderCancelUserErrors { message } } }",
            new JsonObject { ["id"] = (string)order["id"]! });

    /// <summary>Tracking numbers on the storefront order's fulfillments, and how many fulfillments it has.</summary>
    public async Task<(int Fulfillments, List<string> Tracking, List<string> Companies, string Status)> FulfilmentsAsync(JsonNode order)
    {
        var data = await GraphAsync("query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments(first: 20) { trackingInfo { number company } } } }",
            new JsonObject { ["id"] = (string)order["id"]! });
        var fulfillments = data["order"]!["fulfillments"]!.AsArray();
        var tracking = fulfillments.SelectMany(f => f!["trackingInfo"]!.AsArray()).ToList();
        return (fulfillments.Count, tracking.Select(t => (string)t!["number"]!).ToList(), tracking.Select(t => (string?)t!["company"] ?? string.Empty).ToList(),
            (string)data["order"]!["displayFulfillmentStatus"]!);
    }

    /// <summary>Refunds (and restocks) every unit of the order's first line that shipped.</summary>
    public async Task RefundFirstLineAsync(JsonNode order, int quantity, string restockType = "RETURN")
    {
        var data = await GraphAsync("query($id: ID!) { order(id: $id) { lineItems(first: 5) { edges { node { id } } } } }", new JsonObject { ["id"] = (string)order["id"]! });
        var lineId = (string)data["order"]!["lineItems"]!["edges"]![0]!["node"]!["id"]!;
        var result = await GraphAsync("mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }", new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["orderId"] = (string)order["id"]!,
                ["refundLineItems"] = new JsonArray(new JsonObject { ["lineItemId"] = lineId, ["quantity"] = quantity, ["restockType"] = restockType }),
            },
        });
        Assert.True(result["refundCreate"]!["userErrors"]!.AsArray().Count == 0, result.ToJsonString());
    }

    public async Task<List<JsonNode>> ShipmentsAsync(string external)
    {
        var page = await ShipStationAsync(HttpMethod.Get, $"v2/shipments?external_shipment_id={external}");
        return page["shipments"]!.AsArray().Select(s => s!).ToList();
    }

    /// <summary>The warehouse buys the label of a pending shipment: it ships.</summary>
    public async Task<string> BuyLabelAsync(string shipmentId)
    {
        var label = await ShipStationAsync(HttpMethod.Post, $"v2/labels/shipment/{shipmentId}");
        return (string)label["tracking_number"]!;
    }

    /// <summary>
    /// The warehouse ships part of a pending shipment (the units named; none: all of it) as one parcel with
    /// <paramref name="carrierCode"/>; answers the parcel (its <c>shipmentId</c>, <c>trackingNumber</c>, and the
    /// shipment still pending as <c>remainingShipmentId</c>).
    /// </summary>
    public async Task<JsonNode> ShipParcelAsync(string shipmentId, string? carrierCode, params (string Sku, int Quantity)[] items)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Host.Addresses["warehouse"], $"_synclab/warehouse/shipments/{shipmentId}/parcels"),
            new { carrierCode, items = items.Select(i => new { sku = i.Sku, quantity = i.Quantity }).ToList() });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The storefront order's fulfilments, oldest first: tracking number, carrier, and the units of each SKU it carries.</summary>
    public async Task<List<(string Tracking, string Company, Dictionary<string, int> Units)>> FulfilledParcelsAsync(JsonNode order)
    {
        var data = await GraphAsync(
            "query($id: ID!) { order(id: $id) { fulfillments(first: 20) { trackingInfo { number company } fulfillmentLineItems(first: 25) { edges { node { quantity lineItem { sku } } } } } } }",
            new JsonObject { ["id"] = (string)order["id"]! });
        return data["order"]!["fulfillments"]!.AsArray().Select(f => (
            (string)f!["trackingInfo"]![0]!["number"]!,
            (string?)f["trackingInfo"]![0]!["company"] ?? string.Empty,
            f["fulfillmentLineItems"]!["edges"]!.AsArray().Select(e => e!["node"]!)
                .GroupBy(n => (string)n["lineItem"]!["sku"]!).ToDictionary(g => g.Key, g => g.Sum(n => (int)n["quantity"]!)))).ToList();
    }

    public async Task<JsonNode> ShipStationAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Host.Addresses["warehouse"], path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        request.Headers.Add("api-key", "test");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    /// <summary>ERP documents of one kind (salesOrders, salesInvoices, salesCreditMemos) carrying an external document number.</summary>
    public async Task<List<JsonNode>> ErpAsync(string entitySet, string externalFilter)
    {
        var companies = await ErpGetAsync("api/v2.0/companies");
        var company = (string)companies["value"]![0]!["id"]!;
        var page = await ErpGetAsync($"api/v2.0/companies({company})/{entitySet}?$filter={Uri.EscapeDataString(externalFilter)}");
        return page["value"]!.AsArray().Select(v => v!).ToList();
    }

    public async Task<List<(string Key, string Message)>> DataErrorsAsync(string key)
    {
        var rows = await Http.GetFromJsonAsync<JsonArray>(new Uri(Host.Addresses["engine"], $"engine/data-errors?key={Uri.EscapeDataString(key)}"));
        return rows!.Select(r => ((string)r!["key"]!, (string)r["message"]!)).ToList();
    }

    public async Task AddFaultAsync(string system, object fault)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Host.Addresses[system], "_synclab/faults"), fault);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task ClearFaultsAsync(string system)
    {
        using var response = await Http.DeleteAsync(new Uri(Host.Addresses[system], "_synclab/faults"));
        Assert.True(response.IsSuccessStatusCode);
    }

    private async Task<JsonNode> ErpGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Host.Addresses["erp"], path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
