using Microsoft.Extensions.DependencyInjection;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

public sealed class WarehouseOperationsTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> OnHandAsync(string sku) =>
        (int)(await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}")).Json!["inventory"]![0]!["on_hand"]!;

    [Fact]
    public async Task when_a_receipt_is_booked_the_warehouse_has_that_much_more()
    {
        var sku = mirror.Estate.Items[0].Sku;
        var before = await OnHandAsync(sku);

        var reply = await mirror.Plain.PostJsonAsync("/_synclab/warehouse/receipts", new { warehouseCode = "WH01", sku, quantity = 24 });

        Assert.Equal(200, reply.Status);
        Assert.Equal(before, (int)reply.Json!["onHandBefore"]!);
        Assert.Equal(before + 24, (int)reply.Json["onHand"]!);
        Assert.Equal(before + 24, await OnHandAsync(sku));
    }

    [Fact]
    public async Task when_a_stock_count_is_booked_on_hand_becomes_the_counted_quantity()
    {
        var sku = mirror.Estate.Items[3].Sku;

        var reply = await mirror.Plain.PostJsonAsync("/_synclab/warehouse/stock-counts", new { warehouseCode = "WH01", sku, countedQuantity = 17 });

        Assert.Equal(200, reply.Status);
        Assert.Equal(17, await OnHandAsync(sku));
    }

    [Fact]
    public async Task a_count_of_zero_empties_the_shelf()
    {
        var sku = mirror.Estate.Items[4].Sku;

        await mirror.Plain.PostJsonAsync("/_synclab/warehouse/stock-counts", new { warehouseCode = "WH01", sku, countedQuantity = 0 });

        Assert.Equal(0, await OnHandAsync(sku));
    }

    [Fact]
    public async Task each_business_action_is_recorded_in_the_ledger()
    {
        var ledger = mirror.App.Services.GetRequiredService<MirrorLedger>();
        var seen = ledger.Since(0, 10_000);
        var mark = seen.Count > 0 ? seen[^1].Sequence : 0;
        var sku = mirror.Estate.Items[5].Sku;

        await mirror.Plain.PostJsonAsync("/_synclab/warehouse/receipts", new { warehouseCode = "WH01", sku, quantity = 2 });
        await mirror.Plain.PostJsonAsync("/_synclab/warehouse/stock-counts", new { warehouseCode = "WH01", sku, countedQuantity = 9 });

        var effects = ledger.Since(mark).Where(e => e.Kind == "effect").ToList();
        Assert.Equal(2, effects.Count);
        Assert.StartsWith($"inventory increment {sku}", effects[0].Summary, StringComparison.Ordinal);
        Assert.StartsWith($"inventory adjust {sku}", effects[1].Summary, StringComparison.Ordinal);
        Assert.EndsWith("→9 (stock count)", effects[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_receipt_at_an_unknown_warehouse_is_a_404_problem()
    {
        var reply = await mirror.Plain.PostJsonAsync("/_synclab/warehouse/receipts", new { warehouseCode = "WH99", sku = mirror.Estate.Items[0].Sku, quantity = 1 });

        Assert.Equal(404, reply.Status);
        Assert.Equal("application/problem+json", reply.Message.Content.Headers.ContentType!.MediaType);
        Assert.Equal("https://synclab.dev/problems/warehouse-unknown", (string)reply.Json!["type"]!);
    }

    [Fact]
    public async Task a_negative_count_is_a_400_problem()
    {
        var reply = await mirror.Plain.PostJsonAsync("/_synclab/warehouse/stock-counts", new { warehouseCode = "WH01", sku = mirror.Estate.Items[0].Sku, countedQuantity = -1 });

        Assert.Equal(400, reply.Status);
        Assert.Equal("https://synclab.dev/problems/warehouse-count-quantity", (string)reply.Json!["type"]!);
    }

    [Fact]
    public async Task products_are_every_estate_item_with_blocked_ones_inactive()
    {
        var page1 = await mirror.ShipStation.GetJsonAsync("/v2/products?page_size=20");
        var page2 = await mirror.ShipStation.GetJsonAsync((string)page1.Json!["links"]!["next"]!["href"]!);

        var products = page1.Json["products"]!.AsArray().Concat(page2.Json!["products"]!.AsArray()).ToList();
        Assert.Equal(mirror.Estate.Items.Select(i => i.Sku), products.Select(p => (string)p!["sku"]!));
        Assert.Equal(mirror.Estate.Items.Select(i => !i.Blocked), products.Select(p => (bool)p!["active"]!));
        Assert.Equal(2, (int)page2.Json["page"]!);
        Assert.Null(page2.Json["links"]!["next"]!["href"]);
    }

    [Fact]
    public async Task a_product_is_found_by_its_sku()
    {
        var item = mirror.Estate.Items[7];

        var reply = await mirror.ShipStation.GetJsonAsync($"/v2/products?sku={item.Sku.ToLowerInvariant()}");

        var product = Assert.Single(reply.Json!["products"]!.AsArray())!;
        Assert.Equal(item.Description, (string)product["name"]!);
        Assert.Equal(item.UnitPrice, (decimal)product["price"]!["amount"]!);
    }

    [Fact]
    public async Task a_page_size_above_100_is_a_400()
    {
        var reply = await mirror.ShipStation.GetJsonAsync("/v2/products?page_size=101");

        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid_field_value", (string)reply.Json!["errors"]![0]!["error_code"]!);
    }
}
