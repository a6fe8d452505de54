using System.Globalization;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Pos.Store;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class PosSalesTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A SKU with enough on the shelf at both stores for the sale under test.</summary>
    private string StockedSku() => mirror.Estate.Items
        .Where(i => !i.Blocked)
        .First(i => mirror.Estate.Stock.Where(s => s.Sku == i.Sku && s.LocationCode.StartsWith("ST", StringComparison.Ordinal)).All(s => s.Quantity >= 3))
        .Sku;

    private async Task<decimal> InStockAsync(string sku, string store)
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new
        {
            catalog_object_ids = new[] { SquareIds.Variation(sku) },
            location_ids = new[] { SquareIds.Location(store) },
            states = new[] { "IN_STOCK" },
        });
        return decimal.Parse((string)reply.Json!["counts"]![0]!["quantity"]!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task when_a_sale_is_made_at_the_till_the_store_count_drops()
    {
        var sku = StockedSku();
        var before = await InStockAsync(sku, "ST01");

        var sale = await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 2 });

        Assert.Equal(200, sale.Status);
        Assert.Equal(before - 2, await InStockAsync(sku, "ST01"));
        Assert.Equal(before - 2, (decimal)sale.Json!["inStock"]!);
        var order = await mirror.Square.GetJsonAsync("/v2/orders/" + (string)sale.Json["orderId"]!);
        Assert.Equal("COMPLETED", (string)order.Json!["order"]!["state"]!);
        Assert.Equal("2", (string)order.Json["order"]!["line_items"]![0]!["quantity"]!);
    }

    [Fact]
    public async Task a_sale_moves_stock_only_at_its_own_store()
    {
        var sku = StockedSku();
        var other = await InStockAsync(sku, "ST02");

        await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });

        Assert.Equal(other, await InStockAsync(sku, "ST02"));
    }

    [Fact]
    public async Task when_an_order_is_paid_through_the_api_it_completes_and_the_goods_leave_the_shelf()
    {
        var sku = StockedSku();
        var before = await InStockAsync(sku, "ST02");
        var created = await mirror.Square.PostJsonAsync("/v2/orders", new
        {
            idempotency_key = "order-1",
            order = new
            {
                location_id = SquareIds.Location("ST02"),
                line_items = new[] { new { catalog_object_id = SquareIds.Variation(sku), quantity = "3" } },
            },
        });
        Assert.Equal(200, created.Status);
        Assert.Equal("OPEN", (string)created.Json!["order"]!["state"]!);
        Assert.Equal(before, await InStockAsync(sku, "ST02"));
        var total = (long)created.Json["order"]!["total_money"]!["amount"]!;

        var paid = await mirror.Square.PostJsonAsync("/v2/payments", new
        {
            idempotency_key = "pay-1",
            source_id = "CASH",
            order_id = (string)created.Json["order"]!["id"]!,
            amount_money = new { amount = total, currency = "USD" },
            cash_details = new { buyer_supplied_money = new { amount = total + 500, currency = "USD" } },
        });

        Assert.Equal(200, paid.Status);
        Assert.Equal("COMPLETED", (string)paid.Json!["payment"]!["status"]!);
        Assert.Equal(500, (long)paid.Json["payment"]!["cash_details"]!["change_back_money"]!["amount"]!);
        Assert.Equal(before - 3, await InStockAsync(sku, "ST02"));
        var order = await mirror.Square.GetJsonAsync("/v2/orders/" + (string)created.Json["order"]!["id"]!);
        Assert.Equal("COMPLETED", (string)order.Json!["order"]!["state"]!);
        Assert.Equal(0, (long)order.Json["order"]!["net_amount_due_money"]!["amount"]!);
    }

    [Fact]
    public async Task a_payment_for_the_wrong_amount_is_refused_and_moves_nothing()
    {
        var sku = StockedSku();
        var before = await InStockAsync(sku, "ST01");
        var created = await mirror.Square.PostJsonAsync("/v2/orders", new
        {
            order = new { location_id = SquareIds.Location("ST01"), line_items = new[] { new { catalog_object_id = SquareIds.Variation(sku), quantity = "1" } } },
        });

        var paid = await mirror.Square.PostJsonAsync("/v2/payments", new
        {
            idempotency_key = "pay-wrong",
            source_id = "EXTERNAL",
            order_id = (string)created.Json!["order"]!["id"]!,
            amount_money = new { amount = 1, currency = "USD" },
            external_details = new { type = "OTHER", source = "Gift voucher" },
        });

        Assert.Equal(400, paid.Status);
        Assert.Equal("PAYMENT_AMOUNT_MISMATCH", (string)paid.Json!["errors"]![0]!["code"]!);
        Assert.Equal(before, await InStockAsync(sku, "ST01"));
    }

    [Fact]
    public async Task an_order_for_an_unknown_variation_is_a_400_naming_the_line()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/orders", new
        {
            order = new { location_id = SquareIds.Location("ST01"), line_items = new[] { new { catalog_object_id = "NOPE", quantity = "1" } } },
        });

        Assert.Equal(400, reply.Status);
        Assert.Equal("order.line_items[0].catalog_object_id", (string)reply.Json!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task a_sale_at_an_unknown_store_is_a_404_problem()
    {
        var reply = await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST99", sku = StockedSku(), quantity = 1 });

        Assert.Equal(404, reply.Status);
        Assert.Equal("application/problem+json", reply.Message.Content.Headers.ContentType!.MediaType);
        Assert.Equal("https://synclab.dev/problems/pos-unknown-store", (string)reply.Json!["type"]!);
    }

    [Fact]
    public async Task a_sale_of_nothing_is_a_400_problem()
    {
        var reply = await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku = StockedSku(), quantity = 0 });

        Assert.Equal(400, reply.Status);
        Assert.Equal("https://synclab.dev/problems/pos-sale-quantity", (string)reply.Json!["type"]!);
    }

    [Fact]
    public async Task a_sale_is_recorded_in_the_ledger_as_an_effect()
    {
        var ledger = mirror.App.Services.GetRequiredService<MirrorLedger>();
        var seen = ledger.Since(0, 10_000);
        var mark = seen.Count > 0 ? seen[^1].Sequence : 0;
        var sku = StockedSku();

        var sale = await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });

        var effects = ledger.Since(mark).Where(e => e.Kind == "effect").ToList();
        var effect = Assert.Single(effects);
        Assert.Equal("/_synclab/pos/sales", effect.Path);
        Assert.Contains((string)sale.Json!["orderId"]!, effect.Summary, StringComparison.Ordinal);
    }
}
