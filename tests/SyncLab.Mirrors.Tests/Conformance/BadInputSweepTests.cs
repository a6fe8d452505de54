using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SyncLab.Mirrors.Tests.Erp;
using SyncLab.Mirrors.Tests.Pos;
using SyncLab.Mirrors.Tests.Storefront;
using SyncLab.Mirrors.Tests.Warehouse;
using Xunit;

namespace SyncLab.Mirrors.Tests.Conformance;

/// <summary>
/// Bad input on every vendor write endpoint of every mirror: malformed JSON, the wrong JSON kind, fields of the
/// wrong type, unknown ids. Each answer must be a 4xx in that vendor's error shape, never a 5xx.
/// </summary>
internal static class BadInput
{
    /// <summary>Bodies no write endpoint can accept.</summary>
    public static readonly string[] Bodies =
    [
        "{",
        "{\"a\":",
        "[]",
        "\"text\"",
        "null",
        "42",
        "{\"quantity\":\"many\",\"sku\":5,\"items\":{},\"shipments\":\"x\",\"transaction_type\":[1],\"idempotency_key\":7,\"order\":[],\"changes\":{},\"subscription\":\"s\"," +
        "\"displayName\":9,\"unitPrice\":\"cheap\",\"salesOrderLines\":3,\"notificationUrl\":false,\"event\":{},\"url\":1,\"headers\":\"h\",\"customerNumber\":[]}",
        "{\"" + new string('k', 5000) + "\":1}",
    ];

    public static async Task<(int Status, string Body)> SendAsync(HttpClient client, string method, string path, string? body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every failure over <paramref name="endpoints"/> as a line, so one run shows them all. <paramref name="queries"/>
    /// are POSTs that only read (searches): every field is optional there, so any JSON object, unknown fields and
    /// all, may be answered 2xx; the rest of the sweep still applies to them.
    /// </summary>
    public static async Task<List<string>> SweepAsync(
        IEnumerable<(string Method, string Path)> endpoints, Func<string, string, string?, Task<(int Status, string Body)>> send, Func<JsonElement, bool> vendorShape,
        IReadOnlySet<string>? queries = null)
    {
        var failures = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            foreach (var body in Bodies.Append(null))
            {
                var (status, text) = await send(method, path, body);
                var shown = body is null ? "(no body)" : body.Length > 60 ? body[..60] + "…" : body;
                if (status is >= 200 and < 300 && queries?.Contains(path) == true && body is not null && body.StartsWith('{') && IsJson(body))
                {
                    continue;
                }
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{method} {path} {shown} → {status}: {Short(text)}");
                    continue;
                }
                bool shaped;
                try
                {
                    using var json = JsonDocument.Parse(text);
                    shaped = vendorShape(json.RootElement);
                }
                catch (JsonException)
                {
                    shaped = false;
                }
                if (!shaped)
                {
                    failures.Add($"{method} {path} {shown} → {status} not in the vendor's error shape: {Short(text)}");
                }
            }
        }
        return failures;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

public sealed class WarehouseBadInputTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>
{
    [Fact]
    public async Task every_shipstation_write_endpoint_answers_bad_input_with_a_4xx_error_response_body()
    {
        (string, string)[] endpoints =
        [
            ("POST", "/v2/inventory"), ("POST", "/v2/shipments"), ("PUT", "/v2/shipments/se-999999/cancel"),
            ("POST", "/v2/labels/shipment/se-999999"), ("POST", "/v2/labels/shipment/not-an-id"),
            ("POST", "/v2/environment/webhooks"), ("PUT", "/v2/environment/webhooks/se-999999"), ("DELETE", "/v2/environment/webhooks/se-999999"),
        ];

        var failures = await BadInput.SweepAsync(endpoints, (m, p, b) => BadInput.SendAsync(mirror.ShipStation, m, p, b),
            json => json.TryGetProperty("errors", out var e) && e[0].TryGetProperty("error_code", out _) && json.TryGetProperty("request_id", out _));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}

public sealed class PosBadInputTests(PosMirrorFixture pos) : IClassFixture<PosMirrorFixture>
{
    [Fact]
    public async Task every_square_write_endpoint_answers_bad_input_with_a_4xx_square_error()
    {
        (string, string)[] endpoints =
        [
            ("POST", "/v2/inventory/changes/batch-create"), ("POST", "/v2/inventory/counts/batch-retrieve"), ("POST", "/v2/orders"),
            ("POST", "/v2/payments"), ("POST", "/v2/webhooks/subscriptions"), ("DELETE", "/v2/webhooks/subscriptions/nope"),
            ("POST", "/v2/catalog/search"), ("POST", "/v2/catalog/search-catalog-items"),
        ];

        var failures = await BadInput.SweepAsync(endpoints, (m, p, b) => BadInput.SendAsync(pos.Square, m, p, b),
            json => json.TryGetProperty("errors", out var e) && e[0].TryGetProperty("category", out _) && e[0].TryGetProperty("code", out _),
            queries: new HashSet<string>(StringComparer.Ordinal) { "/v2/inventory/counts/batch-retrieve", "/v2/catalog/search", "/v2/catalog/search-catalog-items" });

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}

public sealed class ErpBadInputTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task every_business_central_write_endpoint_answers_bad_input_with_a_4xx_odata_error()
    {
        var unknown = Guid.Empty;
        var item = (await erp.ItemAsync(erp.Unblocked(2).Number)).GetProperty("id").GetGuid();
        var customer = (await erp.GetJsonAsync($"{erp.Company}/customers?$top=1")).GetProperty("value")[0].GetProperty("id").GetGuid();
        (string, string)[] endpoints =
        [
            ("POST", $"{erp.Company}/customers"), ("PATCH", $"{erp.Company}/customers({customer})"), ("PATCH", $"{erp.Company}/customers({unknown})"),
            ("DELETE", $"{erp.Company}/customers({unknown})"), ("PATCH", $"{erp.Company}/items({item})"), ("PATCH", $"{erp.Company}/items({unknown})"),
            ("PATCH", $"{erp.Company}/items(not-a-guid)"), ("POST", $"{erp.Company}/salesOrders"), ("PATCH", $"{erp.Company}/salesOrders({unknown})"),
            ("DELETE", $"{erp.Company}/salesOrders({unknown})"), ("POST", $"{erp.Company}/salesOrders({unknown})/salesOrderLines"),
            ("POST", $"{erp.Company}/salesOrders({unknown})/Microsoft.NAV.shipAndInvoice"), ("POST", $"{erp.Company}/salesCreditMemos"),
            ("POST", $"{erp.Company}/salesCreditMemos({unknown})/Microsoft.NAV.post"), ("DELETE", $"{erp.Company}/salesCreditMemos({unknown})"),
            ("POST", "/api/v2.0/subscriptions"), ("PATCH", "/api/v2.0/subscriptions('nope')"), ("DELETE", "/api/v2.0/subscriptions('nope')"),
            ("POST", "/api/v2.0/$batch"),
            ("PATCH", $"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webCustomers({unknown})"),
        ];

        var failures = await BadInput.SweepAsync(endpoints, (m, p, b) => BadInput.SendAsync(erp.Http, m, p, b, r => r.Headers.TryAddWithoutValidation("If-Match", "*")),
            json => json.TryGetProperty("error", out var e) && e.TryGetProperty("code", out _) && e.TryGetProperty("message", out _));

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}

public sealed class StorefrontBadInputTests(StorefrontHost shop) : IClassFixture<StorefrontHost>
{
    [Fact]
    public async Task the_admin_graphql_endpoint_answers_bad_input_with_a_4xx_or_graphql_errors_never_a_5xx()
    {
        var failures = new List<string>();
        foreach (var body in BadInput.Bodies.Append("{\"query\":5}").Append("{\"query\":\"mutation { productUpdate(input: 7) { product { id } } }\"}")
            .Append("{\"query\":\"mutation($i: ProductInput!) { productUpdate(input: $i) { product { id } } }\",\"variables\":{\"i\":{\"id\":\"gid://shopify/Product/999999999\",\"status\":\"SOLD\"}}}")
            .Append("{\"query\":\"{ product(id: \\\"not-a-gid\\\") { id } }\"}"))
        {
            var (status, text) = await BadInput.SendAsync(shop.Http, "POST", "/admin/api/2025-01/graphql.json", body, r => r.Headers.Add("X-Shopify-Access-Token", StorefrontHost.Token));
            var shaped = false;
            try
            {
                using var json = JsonDocument.Parse(text);
                shaped = json.RootElement.TryGetProperty("errors", out _);
            }
            catch (JsonException)
            {
            }
            if (status >= 500 || !shaped)
            {
                failures.Add($"{(body.Length > 60 ? body[..60] : body)} → {status}: {(text.Length > 200 ? text[..200] : text)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
