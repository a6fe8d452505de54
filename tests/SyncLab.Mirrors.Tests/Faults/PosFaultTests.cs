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
    [Fact]
    public async Task a_lost_answer_does_the_write_and_answers_504_in_squares_shape_and_the_retry_finds_it_done()
    {
        await _faults.PutAsync("""{"id":"gateway","kind":"lost-answer","method":"POST","path":"/v2/catalog/object","count":1}""");
        var apron = new
        {
            idempotency_key = "lost-answer-1",
            @object = new
            {
                type = "ITEM",
                id = "#item",
                item_data = new
                {
                    name = "Waxed Apron",
                    variations = new[] { new { type = "ITEM_VARIATION", id = "#variation", item_variation_data = new { name = "Regular", sku = "LOST-7001", pricing_type = "FIXED_PRICING", price_money = new { amount = 2490, currency = "USD" } } } },
                },
            },
        };

        var lost = await pos.Square.PostJsonAsync("/v2/catalog/object", apron);
        var retried = await pos.Square.PostJsonAsync("/v2/catalog/object", apron);

        Assert.Equal((int)HttpStatusCode.GatewayTimeout, lost.Status);
        Assert.NotNull(lost.Json!["errors"]![0]!["code"]);
        Assert.Equal(200, retried.Status);
        var found = await pos.Square.PostJsonAsync("/v2/catalog/search", new
        {
            object_types = new[] { "ITEM_VARIATION" },
            query = new { exact_query = new { attribute_name = "sku", attribute_value = "LOST-7001" } },
        });
        // The write behind the lost answer happened: the retry with the same key answers it, and there is one apron.
        var variation = Assert.Single(found.Json!["objects"]!.AsArray())!;
        Assert.Equal((string)retried.Json!["catalog_object"]!["id"]!, (string)variation["item_variation_data"]!["item_id"]!);
        var gateway = await _faults.GetAsync("gateway");
        Assert.Equal(1, gateway.GetProperty("applied").GetInt64());
        Assert.Equal(0, gateway.GetProperty("remaining").GetInt32());
    }
}
