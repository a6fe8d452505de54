using System.Globalization;
using System.Text.Json.Nodes;
using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class PosInventoryTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private static readonly string Store1 = SquareIds.Location("ST01");
    private static readonly string Store2 = SquareIds.Location("ST02");

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Sku(int index = 0) => mirror.Estate.Items.Where(i => !i.Blocked).ElementAt(index).Sku;

    private int EstateStock(string sku, string store) => mirror.Estate.Stock.Single(s => s.Sku == sku && s.LocationCode == store).Quantity;

    private async Task<decimal> InStockAsync(string sku, string locationId)
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new
        {
            catalog_object_ids = new[] { SquareIds.Variation(sku) },
            location_ids = new[] { locationId },
            states = new[] { "IN_STOCK" },
        });
        Assert.Equal(200, reply.Status);
        return decimal.Parse((string)Assert.Single(reply.Json!["counts"]!.AsArray())!["quantity"]!, CultureInfo.InvariantCulture);
    }

    private static object Adjustment(string key, string sku, string location, string quantity, string from = "IN_STOCK", string to = "WASTE") => new
    {
        idempotency_key = key,
        changes = new[]
        {
            new
            {
                type = "ADJUSTMENT",
                adjustment = new { from_state = from, to_state = to, location_id = location, catalog_object_id = SquareIds.Variation(sku), quantity, occurred_at = "2026-11-02T14:00:00Z" },
            },
        },
    };

    [Fact]
    public async Task store_counts_start_at_the_estates_stock_never_below_zero()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new { location_ids = new[] { Store1 } });

        var counts = reply.Json!["counts"]!.AsArray().ToDictionary(c => (string)c!["catalog_object_id"]!, c => (string)c!["quantity"]!);
        foreach (var item in mirror.Estate.Items.Where(i => !i.Blocked))
        {
            var expected = Math.Max(0, EstateStock(item.Sku, "ST01"));
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), counts[SquareIds.Variation(item.Sku)]);
        }
        Assert.All(reply.Json["counts"]!.AsArray(), c => Assert.Equal("IN_STOCK", (string)c!["state"]!));
    }

    [Fact]
    public async Task when_goods_are_wasted_the_in_stock_count_drops()
    {
        var sku = Sku();
        var before = await InStockAsync(sku, Store1);

        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("waste-1", sku, Store1, "2"));

        Assert.Equal(200, reply.Status);
        Assert.Equal(before - 2, await InStockAsync(sku, Store1));
        Assert.Equal(Math.Max(0, EstateStock(sku, "ST02")), await InStockAsync(sku, Store2));
        var change = Assert.Single(reply.Json!["changes"]!.AsArray())!;
        Assert.Equal("ADJUSTMENT", (string)change["type"]!);
        Assert.Equal("WASTE", (string)change["adjustment"]!["to_state"]!);
    }

    [Fact]
    public async Task when_a_physical_count_is_sent_the_count_becomes_what_was_counted()
    {
        var sku = Sku(1);

        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", new
        {
            idempotency_key = "count-1",
            changes = new[]
            {
                new
                {
                    type = "PHYSICAL_COUNT",
                    physical_count = new { state = "IN_STOCK", location_id = Store2, catalog_object_id = SquareIds.Variation(sku), quantity = "17", occurred_at = "2026-11-02T14:00:00Z" },
                },
            },
        });

        Assert.Equal(200, reply.Status);
        Assert.Equal(17m, await InStockAsync(sku, Store2));
        Assert.Contains(reply.Json!["counts"]!.AsArray(), c => (string)c!["location_id"]! == Store2 && (string)c["quantity"]! == "17");
    }

    [Fact]
    public async Task when_a_batch_is_retried_with_the_same_key_the_stock_moves_once_and_the_answer_is_the_same()
    {
        var sku = Sku(2);
        var before = await InStockAsync(sku, Store1);

        var first = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("retry-1", sku, Store1, "1", "NONE", "IN_STOCK"));
        var second = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("retry-1", sku, Store1, "1", "NONE", "IN_STOCK"));

        Assert.Equal(200, first.Status);
        Assert.Equal(200, second.Status);
        Assert.True(JsonNode.DeepEquals(first.Json, second.Json), "the replay is the original answer");
        Assert.Equal(before + 1, await InStockAsync(sku, Store1));
    }

    [Fact]
    public async Task when_a_key_is_reused_with_another_body_the_change_is_refused()
    {
        var sku = Sku(3);
        await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("reuse-1", sku, Store1, "1"));
        var after = await InStockAsync(sku, Store1);

        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("reuse-1", sku, Store1, "3"));

        Assert.Equal(400, reply.Status);
        var error = Assert.Single(reply.Json!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_REQUEST_ERROR", (string)error["category"]!);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (string)error["code"]!);
        Assert.Equal(after, await InStockAsync(sku, Store1));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.123456")]
    public async Task a_quantity_that_is_not_a_positive_decimal_is_a_400_naming_the_field(string quantity)
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("bad-qty-" + quantity, Sku(), Store1, quantity));

        Assert.Equal(400, reply.Status);
        var error = Assert.Single(reply.Json!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_VALUE", (string)error["code"]!);
        Assert.Equal("changes[0].adjustment.quantity", (string)error["field"]!);
    }

    [Fact]
    public async Task an_unknown_location_is_a_400_naming_the_field()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("bad-loc", Sku(), "LNOWHERE", "1"));

        Assert.Equal(400, reply.Status);
        Assert.Equal("changes[0].adjustment.location_id", (string)reply.Json!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task an_unknown_state_is_a_400_invalid_enum_value()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("bad-state", Sku(), Store1, "1", to: "LOST"));

        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_ENUM_VALUE", (string)reply.Json!["errors"]![0]!["code"]!);
        Assert.Equal("changes[0].adjustment.to_state", (string)reply.Json["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task a_missing_idempotency_key_is_a_400()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", new { changes = Array.Empty<object>() });

        Assert.Equal(400, reply.Status);
        Assert.Equal("MISSING_REQUIRED_PARAMETER", (string)reply.Json!["errors"]![0]!["code"]!);
        Assert.Equal("idempotency_key", (string)reply.Json["errors"]![0]!["field"]!);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("{\"idempotency_key\": 12}")]
    [InlineData("{\"idempotency_key\": \"k\", \"changes\": {\"type\": \"ADJUSTMENT\"}}")]
    public async Task malformed_bodies_are_a_400_in_squares_shape_not_a_500(string body)
    {
        var reply = await mirror.Square.PostRawAsync("/v2/inventory/changes/batch-create", body);

        Assert.Equal(400, reply.Status);
        var error = Assert.Single(reply.Json!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_REQUEST_ERROR", (string)error["category"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["code"]));
    }

    [Fact]
    public async Task counts_changed_after_a_time_are_found_with_updated_after()
    {
        var sku = Sku(4);
        mirror.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = mirror.Clock.GetUtcNow();
        mirror.Clock.Advance(TimeSpan.FromSeconds(1));
        await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", Adjustment("since-1", sku, Store2, "1"));

        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new { updated_after = since.ToString("O", CultureInfo.InvariantCulture) });

        var changed = reply.Json!["counts"]!.AsArray();
        Assert.Contains(changed, c => (string)c!["catalog_object_id"]! == SquareIds.Variation(sku) && (string)c["location_id"]! == Store2 && (string)c["state"]! == "IN_STOCK");
        Assert.All(changed, c => Assert.Equal(SquareIds.Variation(sku), (string)c!["catalog_object_id"]!));
    }
}
