using System.Net;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class CustomerTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_new_customer_gets_the_next_number_of_the_series_and_is_found_by_email_in_any_case()
    {
        using var created = await erp.PostJsonAsync($"{erp.Company}/customers", new
        {
            displayName = "Ada Lovelace",
            type = "Person",
            email = "Ada.Lovelace@Example.com",
            phoneNumber = "555-0100",
            addressLine1 = "12 Analytical Way",
            city = "Chicago",
            postalCode = "60601",
            country = "US",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = await ErpMirrorFixture.ReadAsync(created);
        var number = customer.GetProperty("number").GetString()!;
        Assert.Matches("^C[0-9]{5}$", number);
        Assert.True(int.Parse(number[1..], System.Globalization.CultureInfo.InvariantCulture) >= 10000 + erp.Estate.Customers.Count, number);
        Assert.Equal("Person", customer.GetProperty("type").GetString());
        Assert.Equal("USD", customer.GetProperty("currencyCode").GetString());
        Assert.Equal("_x0020_", customer.GetProperty("blocked").GetString());
        Assert.Equal(erp.Clock.GetUtcNow(), customer.GetProperty("lastModifiedDateTime").GetDateTimeOffset());
        Assert.Equal(customer.GetProperty("@odata.etag").GetString(), created.Headers.ETag?.ToString());

        var found = Assert.Single(await erp.WhereAsync("customers", "email eq 'ada.lovelace@example.COM'"));
        Assert.Equal(customer.GetProperty("id").GetGuid(), found.GetProperty("id").GetGuid());
        Assert.Equal("Ada.Lovelace@Example.com", found.GetProperty("email").GetString());
    }

    [Fact]
    public async Task customers_changed_after_a_watermark_are_found_by_lastModifiedDateTime()
    {
        erp.Clock.Advance(TimeSpan.FromMinutes(10));
        var watermark = erp.Clock.GetUtcNow();
        erp.Clock.Advance(TimeSpan.FromSeconds(1));
        using var created = await erp.PostJsonAsync($"{erp.Company}/customers", new { displayName = "Grace Hopper", email = "grace@example.com" });
        var id = (await ErpMirrorFixture.ReadAsync(created)).GetProperty("id").GetGuid();

        var changed = await erp.WhereAsync("customers", $"lastModifiedDateTime gt {watermark:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}");

        Assert.Contains(changed, c => c.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(changed, c => c.GetProperty("number").GetString() == erp.Estate.Customers[0].Number);
    }

    [Fact]
    public async Task when_a_stale_etag_is_sent_the_customer_patch_is_refused_with_412()
    {
        var customer = Assert.Single(await erp.WhereAsync("customers", $"number eq '{erp.Estate.Customers[2].Number}'"));
        var url = $"{erp.Company}/customers({customer.GetProperty("id").GetGuid()})";
        var stale = customer.GetProperty("@odata.etag").GetString();
        using (var first = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"phoneNumber": "555-0199"}""", stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"displayName": "Lost update"}""", stale);
        using var missing = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"displayName": "No token"}""");

        Assert.Equal("Request_EntityChanged", await ErpMirrorFixture.AssertVendorErrorAsync(second, HttpStatusCode.PreconditionFailed));
        Assert.Equal("BadRequest_InvalidToken", await ErpMirrorFixture.AssertVendorErrorAsync(missing, HttpStatusCode.BadRequest));
        Assert.Equal(erp.Estate.Customers[2].Name, (await erp.GetJsonAsync(url)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task a_customer_with_an_open_sales_order_cannot_be_deleted_as_bc_refuses_it()
    {
        using var created = await erp.PostJsonAsync($"{erp.Company}/customers", new { displayName = "Short Lived", email = "short@example.com" });
        var customer = await ErpMirrorFixture.ReadAsync(created);
        var number = customer.GetProperty("number").GetString()!;
        var order = await erp.CreateOrderAsync("WEB-DEL-1", number, (await ItemIdAsync(erp.Unblocked(0).Number), 1));
        var url = $"{erp.Company}/customers({customer.GetProperty("id").GetGuid()})";

        using var refused = await Delete(url, "*");
        using var orderGone = await Delete($"{erp.Company}/salesOrders({order.GetProperty("id").GetGuid()})", order.GetProperty("@odata.etag").GetString()!);
        using var deleted = await Delete(url, customer.GetProperty("@odata.etag").GetString()!);

        Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(refused, HttpStatusCode.BadRequest));
        Assert.Contains($"You cannot delete Customer {number} because there is at least one outstanding Sales Order", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, orderGone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var after = await erp.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task marketing_consent_and_price_group_live_on_the_web_customers_page_and_share_the_etag()
    {
        var estateCustomer = erp.Estate.Customers[3];
        var web = Assert.Single((await erp.GetAllAsync(
            $"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webCustomers?$filter={Uri.EscapeDataString($"email eq '{estateCustomer.Email.ToUpperInvariant()}'")}")).Rows);
        Assert.Equal(estateCustomer.AcceptsMarketing, web.GetProperty("marketingConsent").GetBoolean());
        Assert.Equal(estateCustomer.PriceGroup, web.GetProperty("priceGroup").GetString());
        var url = $"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webCustomers({web.GetProperty("id").GetGuid()})";

        using var patched = await erp.SendJsonAsync(HttpMethod.Patch, url,
            $$"""{"marketingConsent": {{(estateCustomer.AcceptsMarketing ? "false" : "true")}}, "priceGroup": "vip"}""", web.GetProperty("@odata.etag").GetString());
        using var unknownGroup = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"priceGroup": "NOPE"}""", "*");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await ErpMirrorFixture.ReadAsync(patched);
        Assert.Equal(!estateCustomer.AcceptsMarketing, after.GetProperty("marketingConsent").GetBoolean());
        Assert.Equal("VIP", after.GetProperty("priceGroup").GetString());
        var standard = await erp.GetJsonAsync($"{erp.Company}/customers({web.GetProperty("id").GetGuid()})");
        Assert.Equal(after.GetProperty("@odata.etag").GetString(), standard.GetProperty("@odata.etag").GetString());
        Assert.Equal("Application_FieldValidationException", await ErpMirrorFixture.AssertVendorErrorAsync(unknownGroup, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"displayName": "X", "email": "not an address"}""", "Application_DialogException")]
    [InlineData("""{"displayName": "X", "type": "Robot"}""", "BadRequest")]
    [InlineData("""{"displayName": "X", "paymentTermsId": "00000000-0000-0000-0000-000000000000"}""", "BadRequest")]
    [InlineData("""{"number": "C10000", "displayName": "Duplicate"}""", "Internal_EntityWithSameKeyExists")]
    [InlineData("""{"displayName": "X", "balanceDue": 5}""", "BadRequest_InvalidOperation")]
    public async Task a_customer_the_card_would_not_accept_is_refused_with_bcs_error(string body, string code)
    {
        using var response = await erp.SendJsonAsync(HttpMethod.Post, $"{erp.Company}/customers", body);

        Assert.Equal(code, await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest));
    }

    private async Task<Guid> ItemIdAsync(string number) => (await erp.ItemAsync(number)).GetProperty("id").GetGuid();

    private async Task<HttpResponseMessage> Delete(string url, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await erp.Http.SendAsync(request);
    }
}
