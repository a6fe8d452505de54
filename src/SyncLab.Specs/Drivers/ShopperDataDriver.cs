using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// Shopper data in both systems: shoppers act on the storefront (checkout, their name, marketing consent, an erasure
/// or data request), the office edits customer cards in the ERP; both are read back through the vendors' APIs, and the
/// engine's erasure, purge and data-request reports are read from its API.
/// </summary>
public sealed class ShopperDataDriver(StagingConnection staging, ScenarioItems items, FaultDriver faults)
{
    /// <summary>The shopper's ERP card number, once seen: the card keeps it after the e-mail is wiped.</summary>
    private readonly Dictionary<string, string> _cards = new(StringComparer.Ordinal);

    /// <summary>The external document number of each shopper's checkout: the ERP's sales documents name the customer.</summary>
    private readonly Dictionary<string, string> _orders = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<string>> _keyed = new(StringComparer.Ordinal);

    /// <summary>The id of each shopper's data request, as Shopify sent it.</summary>
    private readonly Dictionary<string, string> _dataRequests = new(StringComparer.Ordinal);

    /// <summary>Each shopper's checkout order (its storefront id), which the engine's data report must name.</summary>
    private readonly Dictionary<string, string> _orderIds = new(StringComparer.Ordinal);

    public const string ErpCustomers = "/api/v2.0/companies({id})/customers";

    /// <summary>A shopper checks out (which makes the storefront customer), with a name, an address and a marketing choice.</summary>
    public async Task<JsonNode> CheckOutAsync(string shopper, string name, bool acceptsMarketing, string sku)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var (first, last) = space < 0 ? (name, string.Empty) : (name[..space], name[(space + 1)..]);
        var order = (await staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Storefront, "_synclab/storefront/orders"), new
        {
            email = items.Shopper(shopper),
            firstName = first,
            lastName = last,
            acceptsMarketing,
            shippingAddress = new { address1 = "12 Harbour Road", city = "Portland", provinceCode = "OR", zip = "97201", countryCode = "US", phone = "503-555-0100" },
            lines = new[] { new { sku, quantity = 1 } },
        }))!;
        _orders[shopper] = $"SHOPIFY-{(long)order["legacyResourceId"]!}";
        _orderIds[shopper] = (string)order["id"]!;
        return order;
    }

    public async Task RenameOnStorefrontAsync(string shopper, string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        await CustomerUpdateAsync(shopper, new JsonObject { ["firstName"] = space < 0 ? name : name[..space], ["lastName"] = space < 0 ? string.Empty : name[(space + 1)..] });
    }

    public async Task TagOnStorefrontAsync(string shopper, string tag)
    {
        var tags = (await StorefrontCustomerAsync(shopper))["tags"]!.AsArray().Select(t => (JsonNode?)(string)t!).Append(tag).ToArray();
        await CustomerUpdateAsync(shopper, new JsonObject { ["tags"] = new JsonArray(tags) });
    }

    public async Task SetMarketingAsync(string shopper, bool subscribed)
    {
        const string mutation = """
            mutation Consent($input: CustomerEmailMarketingConsentUpdateInput!) {
              customerEmailMarketingConsentUpdate(input: $input) { userErrors { field message } }
            }
            """;
        var id = (string)(await StorefrontCustomerAsync(shopper))["id"]!;
        await GraphQlAsync(mutation, new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["customerId"] = id,
                ["emailMarketingConsent"] = new JsonObject { ["marketingState"] = subscribed ? "SUBSCRIBED" : "UNSUBSCRIBED" },
            },
        }, "customerEmailMarketingConsentUpdate");
    }

    public async Task<JsonNode> StorefrontCustomerAsync(string shopper)
    {
        const string query = """
            query Shopper($q: String!) {
              customers(first: 2, query: $q) { edges { node {
                id firstName lastName tags updatedAt
                defaultAddress { address1 city provinceCode zip countryCodeV2 }
                addresses { address1 }
              } } }
            }
            """;
        var data = await GraphQlAsync(query, new JsonObject { ["q"] = $"email:{items.Shopper(shopper)}" }, null);
        return data["customers"]!["edges"]!.AsArray().SingleOrDefault()?["node"]
            ?? throw new InvalidOperationException($"the storefront has no customer {items.Shopper(shopper)}");
    }

    /// <summary>The merchant has processed the shopper's erasure request: Shopify sends customers/redact to the app; waits until it was delivered.</summary>
    public async Task RequestErasureAsync(string shopper)
    {
        if (!_orders.ContainsKey(shopper))
        {
            // A shopper who ordered through the orders steps: note the card before its e-mail goes.
            await CardAsync(shopper);
        }
        await ComplianceRequestAsync(shopper, "redact", "customers/redact");
    }

    /// <summary>The shopper asked the merchant for their data: Shopify sends customers/data_request to the app; waits until it was delivered.</summary>
    public async Task RequestDataAsync(string shopper)
    {
        var asked = await ComplianceRequestAsync(shopper, "data-request", "customers/data_request");
        _dataRequests[shopper] = ((long)asked["dataRequestId"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The engine's report for the shopper's data request, as the privacy officer fetches it; null when the engine has none (404).</summary>
    public async Task<JsonNode?> DataReportAsync(string shopper)
    {
        var id = _dataRequests.TryGetValue(shopper, out var asked) ? asked : throw new InvalidOperationException($"{shopper} has not asked for their data");
        using var response = await staging.Http.GetAsync(new Uri(staging.Engine, $"engine/shoppers/data-requests/{id}"));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == System.Net.HttpStatusCode.OK
            ? JsonNode.Parse(text)
            : throw new InvalidOperationException($"the engine answered the data request {id} with {(int)response.StatusCode}: {text}");
    }

    public string OrderId(string shopper) => _orderIds[shopper];

    /// <summary>The office moves the shopper's ERP card to another address (street, city, state as the office writes it — none: blank —, post code, country).</summary>
    public async Task MoveInErpAsync(string shopper, string street, string city, string postCode, string country, string state = "")
    {
        var card = await CardAsync(shopper);
        await ErpAsync(HttpMethod.Patch, $"customers({(string)card["id"]!})", (string)card["@odata.etag"]!, new JsonObject
        {
            ["addressLine1"] = street, ["addressLine2"] = string.Empty, ["city"] = city, ["state"] = state, ["postalCode"] = postCode, ["country"] = country,
        });
    }

    /// <summary>A Shopify compliance request the merchant triggers for a shopper; waits until the storefront has delivered it.</summary>
    private async Task<JsonNode> ComplianceRequestAsync(string shopper, string action, string topic)
    {
        var id = (string)(await StorefrontCustomerAsync(shopper))["id"]!;
        var before = (await DeliveriesAsync()).Select(d => (long)d["id"]!).ToHashSet();
        var result = (await staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Storefront, $"_synclab/storefront/customers/{Uri.EscapeDataString(id)}/{action}")))!;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // The delivery goes out on the storefront's webhook pump: wait until it has, never for a set time.
        while (!(await DeliveriesAsync()).Any(d => !before.Contains((long)d["id"]!) && (string?)d["topic"] == topic && (string?)d["status"] == "delivered"))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, patience.Token);
        }
        return result;
    }

    /// <summary>Where the app receives Shopify's compliance webhooks: the engine (an app's configuration, set once).</summary>
    public Task SendComplianceWebhooksToTheEngineAsync() =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Storefront, "_synclab/storefront/compliance-webhooks"),
            new { uri = new Uri(staging.Engine, "engine/webhooks/shopify/compliance").ToString() });

    /// <summary>The office keys a customer card itself (a B2B account, or a legacy card with the e-mail typed as it was).</summary>
    public async Task<string> KeyCustomerAsync(string name, string email, string type = "Person")
    {
        var card = await ErpAsync(HttpMethod.Post, "customers", null, new JsonObject { ["displayName"] = name, ["type"] = type, ["email"] = email });
        return (string)card["number"]!;
    }

    public async Task SetPriceGroupAsync(string shopper, string group)
    {
        var card = await CardAsync(shopper);
        await ErpAsync(HttpMethod.Patch, $"webCustomers({(string)card["id"]!})", (string)card["@odata.etag"]!, new JsonObject { ["priceGroup"] = group }, commerce: true);
    }

    public async Task RenameInErpAsync(string shopper, string name)
    {
        var card = await CardAsync(shopper);
        await ErpAsync(HttpMethod.Patch, $"customers({(string)card["id"]!})", (string)card["@odata.etag"]!, new JsonObject { ["displayName"] = name });
    }

    /// <summary>The shopper's ERP card: by the number seen before, else by e-mail (exactly one).</summary>
    public async Task<JsonNode> CardAsync(string shopper)
    {
        if (_cards.TryGetValue(shopper, out var number))
        {
            return (await ErpPageAsync("customers", $"number eq '{number}'")).Single();
        }
        var cards = await ErpPageAsync("customers", $"email eq '{items.Shopper(shopper)}'");
        if (cards.Count == 0 && _orders.TryGetValue(shopper, out var external))
        {
            // The e-mail may be gone (an erased card): the shopper's sales order still names the card.
            var filter = $"externalDocumentNumber eq '{external}'";
            var documents = await ErpPageAsync("salesOrders", filter);
            documents = documents.Count > 0 ? documents : await ErpPageAsync("salesInvoices", filter);
            cards = documents.Count > 0 ? await ErpPageAsync("customers", $"number eq '{(string)documents[0]["customerNumber"]!}'") : cards;
        }
        var card = cards.Count == 1 ? cards[0] : throw new InvalidOperationException($"the ERP has {cards.Count} customers with e-mail {items.Shopper(shopper)}, expected 1");
        _cards[shopper] = (string)card["number"]!;
        return card;
    }

    public async Task<JsonNode> WebCardAsync(string shopper) =>
        (await ErpPageAsync("webCustomers", $"id eq {(string)(await CardAsync(shopper))["id"]!}", commerce: true)).Single();

    public void NameCard(string shopper, string number) => _cards[shopper] = number;

    /// <summary>Cards the office keyed for one shopper's e-mail (legacy duplicates), by number.</summary>
    public List<string> KeyedCards(string shopper) => _keyed.TryGetValue(shopper, out var numbers) ? numbers : _keyed[shopper] = [];

    public async Task<(JsonNode Card, JsonNode Web)> CardByNumberAsync(string number)
    {
        var card = (await ErpPageAsync("customers", $"number eq '{number}'")).Single();
        return (card, (await ErpPageAsync("webCustomers", $"id eq {(string)card["id"]!}", commerce: true)).Single());
    }

    public async Task<IReadOnlyList<JsonNode>> ErasuresAsync() =>
        (await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/shoppers/erasures")))!.AsArray().Select(e => e!).ToList();

    public async Task<IReadOnlyList<JsonNode>> PurgesAsync() =>
        (await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/shoppers/purges")))!.AsArray().Select(e => e!).ToList();

    public Task CustomerPagesDownAsync() => faults.FailAsync(staging.Erp, ErpCustomers);

    private async Task CustomerUpdateAsync(string shopper, JsonObject input)
    {
        const string mutation = """
            mutation Update($input: CustomerInput!) { customerUpdate(input: $input) { userErrors { field message } } }
            """;
        input["id"] = (string)(await StorefrontCustomerAsync(shopper))["id"]!;
        await GraphQlAsync(mutation, new JsonObject { ["input"] = input }, "customerUpdate");
    }

    private async Task<JsonNode> GraphQlAsync(string query, JsonObject variables, string? mutation)
    {
        var body = await staging.Http.SendOkAsync(
            HttpMethod.Post, new Uri(staging.Storefront, "admin/api/2025-01/graphql.json"),
            new JsonObject { ["query"] = query, ["variables"] = variables },
            r => r.Headers.Add("X-Shopify-Access-Token", "synclab-specs"));
        if (body?["errors"] is JsonArray { Count: > 0 } || (mutation is not null && body?["data"]?[mutation]?["userErrors"] is JsonArray { Count: > 0 }))
        {
            throw new InvalidOperationException($"the storefront refused: {body!.ToJsonString()}");
        }
        return body!["data"]!;
    }

    private async Task<IReadOnlyList<JsonNode>> ErpPageAsync(string entitySet, string filter, bool commerce = false)
    {
        var page = await ErpAsync(HttpMethod.Get, $"{entitySet}?$filter={Uri.EscapeDataString(filter)}", null, null, commerce);
        return page["value"]!.AsArray().Select(c => c!).ToList();
    }

    private async Task<JsonNode> ErpAsync(HttpMethod method, string path, string? etag, JsonObject? body, bool commerce = false)
    {
        var company = (string)(await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Erp, "api/v2.0/companies"), configure: Auth))!["value"]![0]!["id"]!;
        var api = commerce ? "api/synclab/commerce/v1.0" : "api/v2.0";
        return (await staging.Http.SendOkAsync(method, new Uri(staging.Erp, $"{api}/companies({company})/{path}"), body, r =>
        {
            Auth(r);
            if (etag is not null)
            {
                r.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
            }
        }))!;
    }

    private static void Auth(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "synclab-specs");

    private async Task<IReadOnlyList<JsonNode>> DeliveriesAsync() =>
        (await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Storefront, "_synclab/storefront/webhooks/deliveries")))!.AsArray().Select(d => d!).ToList();
}
