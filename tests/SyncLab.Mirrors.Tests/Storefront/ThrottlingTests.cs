using System.Text.Json;
using SyncLab.Mirrors.Storefront;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>A 50-point bucket refilling 10 points per business second, on a frozen clock; any token is accepted.</summary>
public sealed class ThrottledStorefrontHost : StorefrontHost
{
    protected override StorefrontMirrorSettings Settings => new() { AccessToken = null, Throttle = new QueryCostLimits(true, 50, 10, 1_000) };
}

public sealed class ThrottlingTests(ThrottledStorefrontHost host) : IClassFixture<ThrottledStorefrontHost>
{
    // 2 for the connection + 10 products at 1 each = 12 points, requested and actual.
    private const string TwelvePointQuery = "{ products(first: 10) { edges { node { id } } } }";

    [Fact]
    public async Task when_the_bucket_is_empty_on_a_frozen_clock_the_api_throttles_until_the_clock_moves_on()
    {
        await host.ResetAsync();
        for (var i = 0; i < 4; i++)
        {
            var allowed = await host.GraphAsync(TwelvePointQuery);
            Assert.False(allowed.TryGetProperty("errors", out _));
            Assert.Equal(50 - (12 * (i + 1)), Available(allowed));
        }

        var throttled = await host.GraphAsync(TwelvePointQuery);

        var error = Assert.Single(throttled.GetProperty("errors").EnumerateArray());
        Assert.Equal("Throttled", error.GetProperty("message").GetString());
        Assert.Equal("THROTTLED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(throttled.TryGetProperty("data", out _));
        var cost = throttled.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(12, cost.GetProperty("requestedQueryCost").GetInt32());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("actualQueryCost").ValueKind);
        Assert.Equal(2, Available(throttled));

        host.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await host.GraphAsync(TwelvePointQuery);
        Assert.False(again.TryGetProperty("errors", out _));
        Assert.Equal(0, Available(again));
    }

    [Fact]
    public async Task the_unused_part_of_a_request_is_refunded()
    {
        await host.ResetAsync();

        // Requests 2 + 50 points; only one product matches, so it really costs 3.
        var answer = await host.GraphAsync($"{{ products(first: 48, query: \"sku:{host.WebSkus[0]}\") {{ edges {{ node {{ id }} }} }} }}");

        var cost = answer.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(50, cost.GetProperty("requestedQueryCost").GetInt32());
        Assert.Equal(3, cost.GetProperty("actualQueryCost").GetInt32());
        Assert.Equal(47, Available(answer));
    }

    [Fact]
    public async Task a_single_query_above_the_max_cost_is_refused()
    {
        await host.ResetAsync();

        var answer = await host.GraphAsync("{ products(first: 250) { edges { node { variants(first: 250) { edges { node { id } } } } } } }");

        Assert.Equal("MAX_COST_EXCEEDED", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task buckets_are_kept_per_access_token()
    {
        await host.ResetAsync();
        for (var i = 0; i < 4; i++)
        {
            await host.GraphAsync(TwelvePointQuery);
        }

        var otherApp = await host.GraphAsync(TwelvePointQuery, token: "shpat_other_app");

        Assert.False(otherApp.TryGetProperty("errors", out _));
    }

    private static int Available(JsonElement answer) =>
        (int)answer.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble();
}
