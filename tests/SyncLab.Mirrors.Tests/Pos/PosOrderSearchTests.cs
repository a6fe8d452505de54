using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

/// <summary><c>POST /v2/orders/search</c> (SearchOrders): by location, state and one time range, sorted, cursor-paged, in Square's shapes.</summary>
public sealed class PosOrderSearchTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private const string Path = "/v2/orders/search";

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Sku => mirror.Estate.Items.First(i => !i.Blocked).Sku;

    private async Task<string> SellAsync(string store, int quantity = 1)
    {
        var sale = await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = store, sku = Sku, quantity });
        Assert.Equal(200, sale.Status);
        return (string)sale.Json!["orderId"]!;
    }

    private async Task<string> OpenOrderAsync(string store)
    {
        var created = await mirror.Square.PostJsonAsync("/v2/orders", new
        {
            idempotency_key = "open-" + store,
            order = new { location_id = SquareIds.Location(store), line_items = new[] { new { catalog_object_id = SquareIds.Variation(Sku), quantity = "1" } } },
        });
        Assert.Equal(200, created.Status);
        return (string)created.Json!["order"]!["id"]!;
    }

    private static List<string> Ids(Reply reply) =>
        reply.Json!["orders"]?.AsArray().Select(o => (string)o!["id"]!).ToList() ?? [];

    [Fact]
    public async Task completed_orders_of_the_asked_stores_come_back_and_conform()
    {
        var first = await SellAsync("ST01", 2);
        var other = await SellAsync("ST02");
        var open = await OpenOrderAsync("ST01");

        var reply = await mirror.Square.PostJsonAsync(Path, new
        {
            location_ids = new[] { SquareIds.Location("ST01") },
            query = new { filter = new { state_filter = new { states = new[] { "COMPLETED" } } } },
        });

        Assert.Equal(200, reply.Status);
        Assert.Equal([first], Ids(reply));
        Assert.DoesNotContain(other, Ids(reply));
        Assert.DoesNotContain(open, Ids(reply));
        Assert.Equal("2", (string)reply.Json!["orders"]![0]!["line_items"]![0]!["quantity"]!);
        Assert.Equal("CASH", (string)reply.Json["orders"]![0]!["tenders"]![0]!["type"]!);
        var violations = OpenApiShape.Square.Violations(reply.Body, OpenApiShape.Square.ResponseSchema(Path, "post"));
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public async Task updated_at_range_and_ascending_sort_page_through_with_the_cursor()
    {
        var stores = new[] { SquareIds.Location("ST01"), SquareIds.Location("ST02") };
        var before = await SellAsync("ST01");
        mirror.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = mirror.Clock.GetUtcNow();
        var a = await SellAsync("ST02");
        mirror.Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await SellAsync("ST01");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var reply = await mirror.Square.PostJsonAsync(Path, new
            {
                location_ids = stores,
                limit = 1,
                cursor,
                query = new
                {
                    filter = new { date_time_filter = new { updated_at = new { start_at = since.UtcDateTime.ToString("O") } } },
                    sort = new { sort_field = "UPDATED_AT", sort_order = "ASC" },
                },
            });
            Assert.Equal(200, reply.Status);
            seen.AddRange(Ids(reply));
            cursor = (string?)reply.Json!["cursor"];
            pages++;
        }
        while (cursor is not null && pages < 5);

        Assert.Equal([a, b], seen);
        Assert.DoesNotContain(before, seen);
    }

    [Fact]
    public async Task newest_first_by_default()
    {
        var older = await SellAsync("ST01");
        mirror.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await SellAsync("ST01");

        var reply = await mirror.Square.PostJsonAsync(Path, new { location_ids = new[] { SquareIds.Location("ST01") } });

        Assert.Equal([newer, older], Ids(reply));
    }

    [Theory]
    [InlineData("{}", "MISSING_REQUIRED_PARAMETER", "location_ids")]
    [InlineData("""{"location_ids":["L1"],"query":{"filter":{"state_filter":{"states":["SHIPPED"]}}}}""", "INVALID_ENUM_VALUE", "query.filter.state_filter.states[0]")]
    [InlineData("""{"location_ids":["L1"],"query":{"filter":{"date_time_filter":{"updated_at":{"start_at":"2026-01-01T00:00:00Z"}}},"sort":{"sort_field":"CREATED_AT"}}}""", "INVALID_VALUE", "query.sort.sort_field")]
    [InlineData("""{"location_ids":["L1"],"query":{"filter":{"date_time_filter":{"updated_at":{"start_at":"yesterday"}}}}}""", "INVALID_TIME", "query.filter.date_time_filter.updated_at.start_at")]
    [InlineData("""{"location_ids":["L1"],"cursor":"not-ours"}""", "INVALID_CURSOR", "cursor")]
    public async Task bad_searches_get_square_errors(string body, string code, string field)
    {
        var reply = await mirror.Square.PostRawAsync(Path, body);

        Assert.Equal(400, reply.Status);
        var error = reply.Json!["errors"]![0]!;
        Assert.Equal("INVALID_REQUEST_ERROR", (string)error["category"]!);
        Assert.Equal(code, (string)error["code"]!);
        Assert.Equal(field, (string)error["field"]!);
    }
}
