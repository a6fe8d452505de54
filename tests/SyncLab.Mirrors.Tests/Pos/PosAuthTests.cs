using System.Net.Http.Headers;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class PosAuthTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>
{
    [Fact]
    public async Task a_call_without_a_token_is_401_unauthorized_in_squares_shape()
    {
        var reply = await mirror.Plain.GetJsonAsync("/v2/locations");

        Assert.Equal(401, reply.Status);
        var error = Assert.Single(reply.Json!["errors"]!.AsArray())!;
        Assert.Equal("AUTHENTICATION_ERROR", (string)error["category"]!);
        Assert.Equal("UNAUTHORIZED", (string)error["code"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["detail"]));
    }

    [Fact]
    public async Task a_call_with_the_wrong_token_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/locations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sq0atp-stolen");

        using var response = await mirror.Plain.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task a_malformed_square_version_is_a_400_and_a_good_one_is_echoed()
    {
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/v2/locations");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PosMirrorFixture.Token);
        bad.Headers.Add("Square-Version", "latest");
        using var badResponse = await mirror.Plain.SendAsync(bad);

        var good = await mirror.Square.GetJsonAsync("/v2/locations");

        Assert.Equal(400, (int)badResponse.StatusCode);
        Assert.Contains("INVALID_SQUARE_VERSION_FORMAT", await badResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("2025-08-20", good.Message.Headers.GetValues("Square-Version").Single());
    }

    [Fact]
    public async Task an_unknown_path_answers_404_in_squares_error_shape()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/teleport");

        Assert.Equal(404, reply.Status);
        Assert.Equal("NOT_FOUND", (string)reply.Json!["errors"]![0]!["code"]!);
    }
}

public sealed class PosRateLimitTests(ThrottledPosMirrorFixture mirror) : IClassFixture<ThrottledPosMirrorFixture>
{
    [Fact]
    public async Task when_the_budget_is_spent_square_answers_429_rate_limited_until_the_window_turns()
    {
        // Start at a window boundary so the three permits are all in one window.
        mirror.Clock.Advance(TimeSpan.FromSeconds(1));
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await mirror.Square.GetJsonAsync("/v2/locations")).Status);
        }
        var limited = await mirror.Square.GetJsonAsync("/v2/locations");
        mirror.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await mirror.Square.GetJsonAsync("/v2/locations");

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(429, limited.Status);
        var error = Assert.Single(limited.Json!["errors"]!.AsArray())!;
        Assert.Equal("RATE_LIMIT_ERROR", (string)error["category"]!);
        Assert.Equal("RATE_LIMITED", (string)error["code"]!);
        Assert.Equal(200, after.Status);
    }
}
