using System.Net;
using System.Text;
using System.Text.Json;
using SyncLab.Mirrors.Tests.Faults.Support;
using SyncLab.Staging;
using Xunit;

namespace SyncLab.Mirrors.Tests.Foreign;

/// <summary>One staging on free ports with its WireMock.Net foreign services, the business clock frozen just before a New Year in Chicago.</summary>
public sealed class ForeignStagingFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset NewYearsEveChicago = new(2026, 12, 31, 23, 50, 0, TimeSpan.FromHours(-6));

    public StagingHost Staging { get; private set; } = null!;

    /// <summary>A client on the engine's address, where the staging's admin API lives.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Tax { get; private set; } = null!;

    public HttpClient Carrier { get; private set; } = null!;

    public HttpClient AddressValidator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Staging = await StagingHost.StartAsync(new StagingOptions { BasePort = 0, Skus = 5, ClockRate = 0, ClockStart = NewYearsEveChicago });
        Admin = new HttpClient { BaseAddress = Staging.Addresses["engine"] };
        Tax = new HttpClient { BaseAddress = Staging.Addresses["tax"] };
        Carrier = new HttpClient { BaseAddress = Staging.Addresses["carrier"] };
        AddressValidator = new HttpClient { BaseAddress = Staging.Addresses["address"] };
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Admin, Tax, Carrier, AddressValidator })
        {
            client.Dispose();
        }
        await Staging.DisposeAsync();
    }
}

public sealed class ForeignServicesTests(ForeignStagingFixture staging) : IClassFixture<ForeignStagingFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        staging.Staging.Clock.Set(ForeignStagingFixture.NewYearsEveChicago);
        foreach (var service in new[] { "tax", "carrier", "address" })
        {
            await Faults(service).ClearAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private FaultAdmin Faults(string service) => new(staging.Admin, $"/_synclab/foreign/{service}/faults", $"/_synclab/foreign/{service}/ledger");

    [Fact]
    public async Task the_staging_lists_the_foreign_services_in_its_topology()
    {
        var topology = FaultAdmin.Parse(await staging.Admin.GetStringAsync("/_synclab/topology")).GetProperty("addresses");
        foreach (var service in new[] { "tax", "carrier", "address" })
        {
            Assert.Equal(staging.Staging.Addresses[service].ToString(), topology.GetProperty(service).GetString());
        }
    }

    [Fact]
    public async Task the_tax_rate_changes_when_the_business_clock_crosses_midnight()
    {
        var before = await RateAsync("60601");
        staging.Staging.Clock.Advance(TimeSpan.FromMinutes(15));
        var after = await RateAsync("60601");

        Assert.Equal(0.1025m, before.GetProperty("rate").GetDecimal());
        Assert.Equal(0.1050m, after.GetProperty("rate").GetDecimal());
        Assert.Equal("Chicago, IL", after.GetProperty("jurisdiction").GetString());
        Assert.Equal(0.0725m, (await RateAsync("30301")).GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task a_rate_added_through_the_admin_api_takes_effect_at_its_instant()
    {
        using var added = await Send(staging.Admin, HttpMethod.Put, "/_synclab/foreign/tax/rates",
            """{"postalPrefix":"73301","rate":0.0825,"effectiveFrom":"2027-01-01T00:00:00-06:00","jurisdiction":"Austin, TX"}""");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        Assert.NotEqual(0.0825m, (await RateAsync("73301")).GetProperty("rate").GetDecimal());
        staging.Staging.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0.0825m, (await RateAsync("73301")).GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task the_tax_service_refuses_a_missing_or_foreign_postal_code_in_its_error_shape()
    {
        using var missing = await staging.Tax.GetAsync("/v1/rates?country=US");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("missing_parameter", Error(await missing.Content.ReadAsStringAsync()));
        using var canada = await staging.Tax.GetAsync("/v1/rates?postal_code=60601&country=CA");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, canada.StatusCode);
        Assert.Equal("unsupported_country", Error(await canada.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task the_carrier_tracks_any_well_formed_number_and_answers_a_status_set_through_the_admin_api()
    {
        var fresh = FaultAdmin.Parse(await staging.Carrier.GetStringAsync("/v1/tracking/SLP000111222"));
        Assert.Equal("in_transit", fresh.GetProperty("status").GetString());

        using var set = await Send(staging.Admin, HttpMethod.Put, "/_synclab/foreign/carrier/tracking/SLP000111222", """{"status":"out_for_delivery"}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        staging.Staging.Clock.Advance(TimeSpan.FromHours(3));
        using var delivered = await Send(staging.Admin, HttpMethod.Put, "/_synclab/foreign/carrier/tracking/SLP000111222", """{"status":"delivered"}""");
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var tracked = FaultAdmin.Parse(await staging.Carrier.GetStringAsync("/v1/tracking/SLP000111222"));
        Assert.Equal("delivered", tracked.GetProperty("status").GetString());
        Assert.Equal(["delivered", "out_for_delivery"], tracked.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()));

        using var unknown = await staging.Carrier.GetAsync("/v1/tracking/x");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("tracking_not_found", Error(await unknown.Content.ReadAsStringAsync()));
        using var badStatus = await Send(staging.Admin, HttpMethod.Put, "/_synclab/foreign/carrier/tracking/SLP000111222", """{"status":"teleported"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("application/problem+json", badStatus.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task the_address_validator_standardizes_corrects_and_refuses()
    {
        using var corrected = await Send(staging.AddressValidator, HttpMethod.Post, "/v1/addresses/validate",
            """{"address_line1":"1 North Main Street","city":"Springfield","state":"il","postal_code":"627011234"}""");
        var answer = FaultAdmin.Parse(await corrected.Content.ReadAsStringAsync());
        Assert.Equal("corrected", answer.GetProperty("status").GetString());
        Assert.Equal("1 N MAIN ST", answer.GetProperty("address").GetProperty("address_line1").GetString());
        Assert.Equal("62701-1234", answer.GetProperty("address").GetProperty("postal_code").GetString());

        using var never = await Send(staging.AddressValidator, HttpMethod.Post, "/v1/addresses/validate", """{"address_line1":"1 Nowhere","postal_code":"00000"}""");
        Assert.Equal("unverifiable", FaultAdmin.Parse(await never.Content.ReadAsStringAsync()).GetProperty("status").GetString());

        using var incomplete = await Send(staging.AddressValidator, HttpMethod.Post, "/v1/addresses/validate", """{"address_line1":"1 MAIN ST"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal("invalid_address_request", Error(await incomplete.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task a_foreign_service_can_be_faulted_and_the_fault_is_ledgered()
    {
        var tax = Faults("tax");
        var before = await tax.LastSequenceAsync();
        await tax.PutAsync("""{"id":"tax-down","kind":"error","path":"/v1/rates"}""");

        using var failed = await staging.Tax.GetAsync("/v1/rates?postal_code=60601");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("internal_error", Error(await failed.Content.ReadAsStringAsync()));
        Assert.Equal("tax-down", failed.Headers.GetValues("X-SyncLab-Fault").Single());
        await tax.LedgerEntryAsync(before, e => e.GetProperty("kind").GetString() == "fault" && e.GetProperty("status").GetInt32() == 500);

        await tax.ClearAsync();
        using var recovered = await staging.Tax.GetAsync("/v1/rates?postal_code=60601");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task foreign_services_take_throttle_bursts_and_maintenance_windows_too()
    {
        await Faults("carrier").PutAsync("""{"kind":"throttle","count":2,"retryAfter":"00:00:30"}""");
        for (var i = 0; i < 2; i++)
        {
            using var throttled = await staging.Carrier.GetAsync("/v1/tracking/SLP000999888");
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.Equal("30", throttled.Headers.GetValues("Retry-After").Single());
        }
        Assert.Equal(HttpStatusCode.OK, (await staging.Carrier.GetAsync("/v1/tracking/SLP000999888")).StatusCode);

        var now = staging.Staging.Clock.GetUtcNow();
        await Faults("address").PutAsync($$"""{"kind":"maintenance","from":"{{now:O}}","until":"{{now.AddMinutes(5):O}}"}""");
        using var down = await Send(staging.AddressValidator, HttpMethod.Post, "/v1/addresses/validate", """{"address_line1":"1 MAIN ST","city":"X","state":"IL","postal_code":"60601"}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("300", down.Headers.GetValues("Retry-After").Single());
        staging.Staging.Clock.Advance(TimeSpan.FromMinutes(5));
        using var up = await Send(staging.AddressValidator, HttpMethod.Post, "/v1/addresses/validate", """{"address_line1":"1 MAIN ST","city":"X","state":"IL","postal_code":"60601"}""");
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task an_unknown_foreign_service_is_a_404_problem()
    {
        using var response = await Send(staging.Admin, HttpMethod.Put, "/_synclab/foreign/weather/faults", """{"kind":"error"}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> RateAsync(string postalCode)
    {
        using var response = await staging.Tax.GetAsync($"/v1/rates?postal_code={postalCode}&country=US");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return FaultAdmin.Parse(body);
    }

    private static string? Error(string body) => FaultAdmin.Parse(body).GetProperty("error").GetProperty("code").GetString();

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }
}
