using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Shoppers;

/// <summary>
/// Shopper data over real HTTP: an ERP card's address becomes the storefront customer's default address once (the
/// office's "UK" as GB, the card left as the office keyed it), a country the storefront cannot take is a data error;
/// a customers/data_request is answered with a report of what the engine holds, fetched by id (404 problem+json for
/// an unknown one); after customers/redact nothing in the engine's store — every table, searched as text — still
/// holds the shopper's e-mail, name, street or phone, and the report is gone.
/// </summary>
public sealed class ShopperDataOverHttpTests
{
    private const string Secret = "synclab-storefront-webhook-secret";
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_card_s_new_address_becomes_the_storefront_default_once_and_a_country_the_shop_cannot_take_is_a_data_error()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        var customerId = await CheckOutAsync(http, host, "ada@example.com", "Ada", "Lund");
        var card = (await CardsAsync(http, host, "email eq 'ada@example.com'")).Single()!;

        await PatchCardAsync(http, host, card, new JsonObject
        {
            ["addressLine1"] = "221B Baker Street", ["addressLine2"] = "Flat 2", ["city"] = "London", ["state"] = string.Empty, ["postalCode"] = "NW1 6XE", ["country"] = "UK",
        });
        await PollAsync(http, host);

        var shopper = await StorefrontCustomerAsync(http, host, customerId);
        var address = shopper["defaultAddress"]!;
        Assert.Equal(("221B Baker Street", "Flat 2", "London", null, "NW1 6XE", "GB", "Ada", "Lund"), (
            (string?)address["address1"], (string?)address["address2"], (string?)address["city"], (string?)address["provinceCode"], (string?)address["zip"],
            (string?)address["countryCodeV2"], (string?)address["firstName"], (string?)address["lastName"]));
        // customerUpdate replaces the list: the old default (the checkout address) is not kept beside the card's.
        Assert.Single(shopper["addresses"]!.AsArray());
        var moved = (await CardsAsync(http, host, $"number eq '{(string)card["number"]!}'")).Single()!;
        Assert.Equal("UK", (string?)moved["country"]);

        // Echoes end: the storefront's customers/update comes back as nothing to write, on either side.
        await PollAsync(http, host);
        await PollAsync(http, host);
        Assert.Equal((string?)shopper["updatedAt"], (string?)(await StorefrontCustomerAsync(http, host, customerId))["updatedAt"]);
        Assert.Equal((string?)moved["lastModifiedDateTime"], (string?)(await CardsAsync(http, host, $"number eq '{(string)card["number"]!}'")).Single()!["lastModifiedDateTime"]);

        await PatchCardAsync(http, host, moved, new JsonObject { ["city"] = "Leeds", ["country"] = "GBR" });
        await PollAsync(http, host);
        var errors = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/data-errors")))!.AsArray();
        Assert.Contains(errors, e => ((string?)e!["message"] ?? string.Empty).Contains("country 'GBR' is not an ISO 3166 two-letter code", StringComparison.Ordinal));
        Assert.Equal("London", (string?)(await StorefrontCustomerAsync(http, host, customerId))["defaultAddress"]!["city"]);
    }

    [Fact]
    public async Task a_data_request_is_reported_by_id_and_after_the_erasure_no_table_holds_the_shopper()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        var customerId = await CheckOutAsync(http, host, "wren@example.com", "Wren", "Hale");
        var card = (await CardsAsync(http, host, "email eq 'wren@example.com'")).Single()!;
        var legacyId = customerId.Split('/')[^1];

        var asked = $$"""{"shop_id":1,"shop_domain":"synclab.myshopify.com","orders_requested":[],"customer":{"id":{{legacyId}},"email":"Wren@Example.com","phone":null},"data_request":{"id":41} }""";
        using (var delivered = await DeliverAsync(http, host, "customers/data_request", asked))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);

        var report = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/shoppers/data-requests/41")))!;
        Assert.Equal(((string)card["number"]!, customerId), ((string?)report["erpCustomers"]![0]!["number"], (string?)report["storefrontCustomerId"]));
        Assert.Equal("NOT_SUBSCRIBED", (string?)report["marketingConsent"]!["marketingState"]);
        var processes = report["workItems"]!.AsArray().Select(w => (string?)w!["process"]).ToHashSet();
        Assert.Contains("orders", processes);
        Assert.Contains("shoppers", processes);
        Assert.Contains(report["workItems"]!.AsArray(), w => w!["payload"]!.ToJsonString().Contains("12 Harbour Road", StringComparison.Ordinal));
        Assert.Equal(host.Clock.GetUtcNow().AddDays(30), DateTimeOffset.Parse((string)report["availableUntil"]!, System.Globalization.CultureInfo.InvariantCulture));
        var listed = Assert.Single((await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/shoppers/data-requests")))!.AsArray());
        Assert.Equal(("41", "ready"), ((string?)listed!["id"], (string?)listed["status"]));
        using (var unknown = await http.GetAsync(new Uri(host.Addresses["engine"], "engine/shoppers/data-requests/999")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        }
        Assert.NotEmpty(Traces(host, "wren@example.com"));

        var redact = $$"""{"shop_id":1,"shop_domain":"synclab.myshopify.com","customer":{"id":{{legacyId}},"email":"wren@example.com","phone":null},"orders_to_redact":[]}""";
        using (var delivered = await DeliverAsync(http, host, "customers/redact", redact))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);

        // Never invoiced, so nothing is kept for the books: not the e-mail, the name, the street nor the phone.
        Assert.Equal("erased", (string?)(await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/shoppers/erasures")))![0]!["outcome"]);
        foreach (var trace in new[] { "wren@example.com", "Wren Hale", "12 Harbour Road", "503-555-0100" })
        {
            Assert.Empty(Traces(host, trace));
        }
        using (var gone = await http.GetAsync(new Uri(host.Addresses["engine"], "engine/shoppers/data-requests/41")))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
    }

    /// <summary>Every row of every table of the engine's SQLite store whose columns, read as text, contain <paramref name="text"/> (any case).</summary>
    private static List<string> Traces(StagingHost host, string text)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(host.ScratchDirectory!, "engine.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("WorkItems", tables);
        var found = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var row = string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
                if (row.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{table}: {row}");
                }
            }
        }
        return found;
    }

    private static Task<StagingHost> StartAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42, Skus = 20, BasePort = 0, ClockStart = Epoch, ClockRate = 0, ForeignServices = new ForeignServicesOptions { Enabled = false },
    });

    /// <summary>A shopper checks out with an address and a phone; returns the storefront customer's id once the engine has made the card.</summary>
    private static async Task<string> CheckOutAsync(HttpClient http, StagingHost host, string email, string first, string last)
    {
        await StagingHttp.QuiescentAsync(http, host);
        var order = (await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"), new
        {
            email, firstName = first, lastName = last,
            shippingAddress = new { address1 = "12 Harbour Road", city = "Portland", provinceCode = "OR", zip = "97201", countryCode = "US", phone = "503-555-0100" },
            lines = new[] { new { sku = StagingHttp.CleanWebSku(host), quantity = 1 } },
        })))!;
        await PollAsync(http, host);
        return (string)order["customerId"]!;
    }

    private static async Task PollAsync(HttpClient http, StagingHost host)
    {
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await StagingHttp.QuiescentAsync(http, host);
    }

    private static async Task<JsonNode> StorefrontCustomerAsync(HttpClient http, StagingHost host, string id) =>
        (await StagingHttp.ShopAsync(http, host,
            $$"""{ customer(id: "{{id}}") { updatedAt defaultAddress { address1 address2 city provinceCode zip countryCodeV2 firstName lastName } addresses { id } } }"""))!["customer"]!;

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient http, StagingHost host, string topic, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Addresses["engine"], "engine/webhooks/shopify/compliance"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        request.Headers.Add("X-Shopify-Triggered-At", host.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await http.SendAsync(request);
    }

    private static async Task<string> CompanyAsync(HttpClient http, StagingHost host) =>
        (string)(await StagingHttp.ErpAsync(http, host.Addresses["erp"], "api/v2.0/companies"))!["value"]![0]!["id"]!;

    private static async Task<IReadOnlyList<JsonNode?>> CardsAsync(HttpClient http, StagingHost host, string filter) =>
        [.. (await StagingHttp.ErpAsync(http, host.Addresses["erp"], $"api/v2.0/companies({await CompanyAsync(http, host)})/customers?$filter={Uri.EscapeDataString(filter)}"))!["value"]!.AsArray()];

    private static async Task PatchCardAsync(HttpClient http, StagingHost host, JsonNode card, JsonObject changes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(host.Addresses["erp"], $"api/v2.0/companies({await CompanyAsync(http, host)})/customers({(string)card["id"]!})"))
        {
            Content = new StringContent(changes.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "tests");
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse((string)card["@odata.etag"]!));
        await StagingHttp.OkAsync(http.SendAsync(request));
    }
}
