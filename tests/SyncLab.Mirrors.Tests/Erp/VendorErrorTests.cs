using System.Net;
using SyncLab.Mirrors.Erp;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class VendorErrorTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_call_without_a_bearer_token_is_refused_with_401_in_bc_shape()
    {
        using var anonymous = new HttpClient { BaseAddress = erp.Http.BaseAddress };

        using var response = await anonymous.GetAsync("/api/v2.0/companies");

        Assert.Equal("Authentication_InvalidCredentials", await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.Unauthorized));
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number eq 'SKU-000001")]
    [InlineData("number eq")]
    [InlineData("(number eq 'x'")]
    [InlineData("number xx 'x'")]
    [InlineData("nosuchfield eq 1")]
    [InlineData("lastModifiedDateTime gt 'yesterday'")]
    [InlineData("lastModifiedDateTime gt 2026-13-45T99:00:00Z")]
    [InlineData("unitPrice gt true")]
    [InlineData("substringof('a', number)")]
    [InlineData("number")]
    [InlineData("id gt 00000000-0000-0000-0000-000000000000")]
    public async Task a_bad_filter_is_a_400_in_bc_shape_never_a_server_error(string filter)
    {
        using var response = await erp.Http.GetAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString(filter)}");

        var code = await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("BadRequest", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$orderby=nosuchfield")]
    [InlineData("$orderby=blocked")]
    [InlineData("$select=number,nosuchfield")]
    [InlineData("$top=-1")]
    [InlineData("$skiptoken=notatoken")]
    [InlineData("$expand=picture")]
    public async Task bad_query_options_are_400s(string query)
    {
        using var response = await erp.Http.GetAsync($"{erp.Company}/items?{query}");

        await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task an_unknown_company_or_item_is_a_404()
    {
        using var company = await erp.Http.GetAsync($"/api/v2.0/companies({Guid.Empty})/items");
        using var item = await erp.Http.GetAsync($"{erp.Company}/items({Guid.Empty})");
        using var patch = await erp.SendJsonAsync(HttpMethod.Patch, $"{erp.Company}/items({Guid.Empty})", "{}", "*");

        Assert.Equal("BadRequest_NotFound", await ErpMirrorFixture.AssertVendorErrorAsync(company, HttpStatusCode.NotFound));
        Assert.Equal("BadRequest_NotFound", await ErpMirrorFixture.AssertVendorErrorAsync(item, HttpStatusCode.NotFound));
        Assert.Equal("BadRequest_NotFound", await ErpMirrorFixture.AssertVendorErrorAsync(patch, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task an_unknown_entity_set_or_a_malformed_key_is_a_bc_error()
    {
        using var unknown = await erp.Http.GetAsync($"{erp.Company}/nosuchthings");
        using var malformed = await erp.Http.GetAsync($"{erp.Company}/items(not-a-guid)");
        using var notAllowed = await erp.SendJsonAsync(HttpMethod.Delete, $"{erp.Company}/items({Guid.Empty})", "{}", "*");

        Assert.Equal("BadRequest_ResourceNotFound", await ErpMirrorFixture.AssertVendorErrorAsync(unknown, HttpStatusCode.NotFound));
        Assert.Equal("BadRequest_NotFound", await ErpMirrorFixture.AssertVendorErrorAsync(malformed, HttpStatusCode.BadRequest));
        Assert.Equal("BadRequest_MethodNotAllowed", await ErpMirrorFixture.AssertVendorErrorAsync(notAllowed, HttpStatusCode.MethodNotAllowed));
    }
}

/// <summary>A mirror with a tiny limit (3 requests a minute) and a fixed token.</summary>
public sealed class ThrottledErpFixture : ErpMirrorFixture
{
    protected override ErpMirrorSettings Settings => new() { RateLimit = new ErpRateLimit(3, TimeSpan.FromMinutes(1)), AccessToken = "test-token" };
}

public sealed class RateLimitTests(ThrottledErpFixture erp) : IClassFixture<ThrottledErpFixture>
{
    [Fact]
    public async Task over_the_limit_calls_get_429_with_retry_after_until_the_window_slides()
    {
        // The fixture's own start-up call to /companies counted as the first of the window.
        erp.Clock.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 3; i++)
        {
            using var ok = await erp.Http.GetAsync("/api/v2.0/companies");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var throttled = await erp.Http.GetAsync("/api/v2.0/companies");

        Assert.Equal("Application_TooManyRequests", await ErpMirrorFixture.AssertVendorErrorAsync(throttled, HttpStatusCode.TooManyRequests));
        Assert.Equal(TimeSpan.FromSeconds(60), throttled.Headers.RetryAfter?.Delta);
        erp.Clock.Advance(TimeSpan.FromSeconds(60));
        using var again = await erp.Http.GetAsync("/api/v2.0/companies");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task a_token_other_than_the_configured_one_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2.0/companies");
        request.Headers.Authorization = new("Bearer", "someone-else");

        using var response = await erp.Http.SendAsync(request);

        Assert.Equal("Authentication_InvalidCredentials", await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.Unauthorized));
    }
}
