using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

public sealed class WarehouseGroupingTests(TwoWarehouseMirrorFixture mirror) : IClassFixture<TwoWarehouseMirrorFixture>, IAsyncLifetime
{
    private static readonly string Wh1 = ShipStationIds.InventoryWarehouse(0);
    private static readonly string Wh2 = ShipStationIds.InventoryWarehouse(1);
    private static readonly string Bin1 = ShipStationIds.InventoryLocation(0);
    private static readonly string Bin2 = ShipStationIds.InventoryLocation(1);

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task without_group_by_a_sku_is_summed_over_every_warehouse()
    {
        var sku = mirror.Estate.Items[0].Sku;

        var total = await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}");
        var perWarehouse = await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}&group_by=warehouse");

        var row = Assert.Single(total.Json!["inventory"]!.AsArray())!;
        Assert.Equal(mirror.SeededOnHand(sku, "WH01") + mirror.SeededOnHand(sku, "WH02"), (int)row["on_hand"]!);
        Assert.Null(row["inventory_warehouse_id"]);
        var rows = perWarehouse.Json!["inventory"]!.AsArray();
        Assert.Equal([Wh1, Wh2], rows.Select(r => (string)r!["inventory_warehouse_id"]!));
        Assert.Equal([mirror.SeededOnHand(sku, "WH01"), mirror.SeededOnHand(sku, "WH02")], rows.Select(r => (int)r!["on_hand"]!));
    }

    [Fact]
    public async Task a_warehouse_filter_shows_only_that_warehouse()
    {
        var reply = await mirror.ShipStation.GetJsonAsync($"/v2/inventory?inventory_warehouse_id={Wh2}&group_by=location&limit=500");

        var rows = reply.Json!["inventory"]!.AsArray();
        Assert.Equal(mirror.Estate.Items.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(Bin2, (string)r!["inventory_location_id"]!));
    }

    [Fact]
    public async Task a_modify_with_a_new_location_moves_stock_between_warehouses()
    {
        var sku = mirror.Estate.Items.First(i => mirror.SeededOnHand(i.Sku, "WH01") >= 5).Sku;

        var reply = await mirror.ShipStation.PostJsonAsync("/v2/inventory", new
        {
            transaction_type = "modify", sku, inventory_location_id = Bin1, new_inventory_location_id = Bin2, quantity = 5,
        });

        Assert.Equal(204, reply.Status);
        var rows = (await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}&group_by=location")).Json!["inventory"]!.AsArray();
        Assert.Equal(mirror.SeededOnHand(sku, "WH01") - 5, (int)rows.Single(r => (string)r!["inventory_location_id"]! == Bin1)!["on_hand"]!);
        Assert.Equal(mirror.SeededOnHand(sku, "WH02") + 5, (int)rows.Single(r => (string)r!["inventory_location_id"]! == Bin2)!["on_hand"]!);
    }

    [Fact]
    public async Task business_actions_name_warehouses_by_the_estates_codes()
    {
        var sku = mirror.Estate.Items[1].Sku;

        var receipt = await mirror.Plain.PostJsonAsync("/_synclab/warehouse/receipts", new { warehouseCode = "WH02", sku, quantity = 3 });

        Assert.Equal(200, receipt.Status);
        Assert.Equal(Wh2, (string)receipt.Json!["inventoryWarehouseId"]!);
        Assert.Equal(mirror.SeededOnHand(sku, "WH02") + 3, (int)receipt.Json["onHand"]!);
        Assert.Equal(mirror.SeededOnHand(sku, "WH01"), (int)(await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}&inventory_warehouse_id={Wh1}")).Json!["inventory"]![0]!["on_hand"]!);
    }
}
