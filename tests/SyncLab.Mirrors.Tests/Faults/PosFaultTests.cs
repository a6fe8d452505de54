using System.Net;
using SyncLab.Mirrors.Tests.Faults.Support;
using SyncLab.Mirrors.Tests.Pos;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

/// <summary>The same fault knobs on the Square mirror: the answers take Square's error shape.</summary>
public sealed class PosFaultTests(PosMirrorFixture pos) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private readonly FaultAdmin _faults = new(pos.Plain);

    public Task InitializeAsync() => _faults.ClearAsync();

    public Task DisposeAsync() => _faults.ClearAsync();

    [Fact]
    public async Task a_throttle_burst_answers_429_rate_limited_in_squares_shape_then_normally()
    {
        await _faults.PutAsync("""{"kind":"throttle","method":"GET","path":"/v2/locations","count":2}""");

        for (var i = 0; i < 2; i++)
        {
            var throttled = await pos.Square.GetJsonAsync("/v2/locations");
            Assert.Equal(429, throttled.Status);
            Assert.Equal("RATE_LIMIT_ERROR", (string)throttled.Json!["errors"]![0]!["category"]!);
            Assert.Equal("RATE_LIMITED", (string)throttled.Json!["errors"]![0]!["code"]!);
            Assert.Equal("1", throttled.Message.Headers.GetValues("Retry-After").Single());
        }
        Assert.Equal(200, (await pos.Square.GetJsonAsync("/v2/locations")).Status);
    }

    [Fact]
    public async Task an_error_fault_on_one_route_leaves_the_others_alone()
    {
        await _faults.PutAsync("""{"kind":"error","method":"POST","path":"/v2/inventory/**","status":503}""");

        var failed = await pos.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new { });
        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal("SERVICE_UNAVAILABLE", (string)failed.Json!["errors"]![0]!["code"]!);
        Assert.Equal(200, (await pos.Square.GetJsonAsync("/v2/locations")).Status);
    }
}
