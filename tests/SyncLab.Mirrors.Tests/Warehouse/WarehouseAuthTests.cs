using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

public sealed class WarehouseAuthTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>
{
    [Fact]
    public async Task a_call_without_an_api_key_is_401_in_shipstations_error_shape()
    {
        var reply = await mirror.Plain.GetJsonAsync("/v2/inventory");

        Assert.Equal(401, reply.Status);
        Assert.False(string.IsNullOrEmpty((string?)reply.Json!["request_id"]));
        var error = Assert.Single(reply.Json["errors"]!.AsArray())!;
        Assert.Equal("ShipStation", (string)error["error_source"]!);
        Assert.Equal("security", (string)error["error_type"]!);
        Assert.Equal("unauthorized", (string)error["error_code"]!);
    }

    [Fact]
    public async Task a_call_with_the_wrong_api_key_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/warehouses");
        request.Headers.Add("api-key", "guessed");

        using var response = await mirror.Plain.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task an_unknown_path_answers_404_in_shipstations_error_shape()
    {
        var reply = await mirror.ShipStation.GetJsonAsync("/v2/teleporters");

        Assert.Equal(404, reply.Status);
        Assert.Equal("invalid_identifier", (string)reply.Json!["errors"]![0]!["error_code"]!);
    }
}

public sealed class WarehouseRateLimitTests(SandboxWarehouseMirrorFixture mirror) : IClassFixture<SandboxWarehouseMirrorFixture>
{
    [Fact]
    public async Task past_the_sandbox_budget_of_20_a_minute_shipstation_answers_429_with_retry_after()
    {
        // Frozen at 15:00:30: the window turns at 15:01:00, 30 seconds away.
        mirror.Clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(200, (await mirror.ShipStation.GetJsonAsync("/v2/warehouses")).Status);
        }

        var limited = await mirror.ShipStation.GetJsonAsync("/v2/warehouses");
        mirror.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await mirror.ShipStation.GetJsonAsync("/v2/warehouses");

        Assert.Equal(429, limited.Status);
        Assert.Equal("30", limited.Message.Headers.GetValues("Retry-After").Single());
        Assert.Equal("rate_limit_exceeded", (string)limited.Json!["errors"]![0]!["error_code"]!);
        Assert.Equal(200, after.Status);
    }
}
