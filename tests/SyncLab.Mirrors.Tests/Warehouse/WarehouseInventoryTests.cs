using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

public sealed class WarehouseInventoryTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>, IAsyncLifetime
{
    private static readonly string Location = ShipStationIds.InventoryLocation(0);

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Sku(int index = 0) => mirror.Estate.Items[index].Sku;

    private async Task<int> OnHandAsync(string sku, string location)
    {
        var reply = await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}&inventory_location_id={location}&group_by=location");
        Assert.Equal(200, reply.Status);
        return (int)Assert.Single(reply.Json!["inventory"]!.AsArray())!["on_hand"]!;
    }

    private Task<Reply> TransactAsync(object body) => mirror.ShipStation.PostJsonAsync("/v2/inventory", body);

    [Fact]
    public async Task warehouses_are_the_estates_warehouses_each_with_one_inventory_location()
    {
        var warehouses = await mirror.ShipStation.GetJsonAsync("/v2/warehouses");
        var inventoryWarehouses = await mirror.ShipStation.GetJsonAsync("/v2/inventory_warehouses");
        var locations = await mirror.ShipStation.GetJsonAsync("/v2/inventory_locations");

        var warehouse = Assert.Single(warehouses.Json!["warehouses"]!.AsArray())!;
        Assert.Equal("Warehouse 1", (string)warehouse["name"]!);
        Assert.True((bool)warehouse["is_default"]!);
        var inventoryWarehouse = Assert.Single(inventoryWarehouses.Json!["inventory_warehouses"]!.AsArray())!;
        var location = Assert.Single(locations.Json!["inventory_locations"]!.AsArray())!;
        Assert.Equal("A-01", (string)location["name"]!);
        Assert.Equal((string)inventoryWarehouse["inventory_warehouse_id"]!, (string)location["inventory_warehouse_id"]!);
    }

    [Fact]
    public async Task levels_start_at_the_estates_warehouse_stock_clamped_at_zero()
    {
        var reply = await mirror.ShipStation.GetJsonAsync("/v2/inventory?limit=100");

        var rows = reply.Json!["inventory"]!.AsArray();
        Assert.Equal(mirror.Estate.Items.Count, rows.Count);
        foreach (var row in rows)
        {
            var expected = mirror.SeededOnHand((string)row!["sku"]!);
            Assert.Equal(expected, (int)row["on_hand"]!);
            Assert.Equal(0, (int)row["allocated"]!);
            Assert.Equal(expected, (int)row["available"]!);
        }
    }

    [Fact]
    public async Task levels_come_in_pages_that_the_next_link_walks_to_the_end()
    {
        var skus = new List<string>();
        var next = "/v2/inventory?limit=7&group_by=location";
        var pages = 0;
        while (next is not null && pages < 10)
        {
            var reply = await mirror.ShipStation.GetJsonAsync(next);
            Assert.Equal(200, reply.Status);
            Assert.Equal(mirror.Estate.Items.Count, (int)reply.Json!["total"]!);
            Assert.Equal(5, (int)reply.Json["pages"]!);
            skus.AddRange(reply.Json["inventory"]!.AsArray().Select(r => (string)r!["sku"]!));
            next = (string?)reply.Json["links"]!["next"]?["href"];
            pages++;
        }

        Assert.Equal(5, pages);
        Assert.Equal(mirror.Estate.Items.Select(i => i.Sku), skus);
    }

    [Fact]
    public async Task when_goods_are_received_on_hand_rises()
    {
        var sku = Sku();
        var before = await OnHandAsync(sku, Location);

        var reply = await TransactAsync(new { transaction_type = "increment", sku, inventory_location_id = Location, quantity = 24, reason = "PO 4711" });

        Assert.Equal(204, reply.Status);
        Assert.Equal(before + 24, await OnHandAsync(sku, Location));
    }

    [Fact]
    public async Task when_goods_are_picked_on_hand_falls_but_never_below_zero()
    {
        var sku = mirror.Estate.Items.First(i => mirror.SeededOnHand(i.Sku) >= 2).Sku;
        var before = await OnHandAsync(sku, Location);

        var picked = await TransactAsync(new { transaction_type = "decrement", sku, inventory_location_id = Location, quantity = 2 });
        var overdrawn = await TransactAsync(new { transaction_type = "decrement", sku, inventory_location_id = Location, quantity = before + 1 });

        Assert.Equal(204, picked.Status);
        Assert.Equal(400, overdrawn.Status);
        Assert.Equal("business_rules", (string)overdrawn.Json!["errors"]![0]!["error_type"]!);
        Assert.Equal(before - 2, await OnHandAsync(sku, Location));
    }

    [Fact]
    public async Task when_a_stocktake_adjusts_a_sku_on_hand_becomes_the_counted_quantity()
    {
        var sku = Sku(2);

        var reply = await TransactAsync(new { transaction_type = "adjust", sku, inventory_location_id = Location, quantity = 17, reason = "cycle count" });

        Assert.Equal(204, reply.Status);
        Assert.Equal(17, await OnHandAsync(sku, Location));
    }

    [Fact]
    public async Task an_unknown_sku_is_a_400_in_shipstations_error_shape()
    {
        var reply = await TransactAsync(new { transaction_type = "increment", sku = "NOT-A-SKU", inventory_location_id = Location, quantity = 1 });

        Assert.Equal(400, reply.Status);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", (string)reply.Json!["request_id"]!);
        var error = Assert.Single(reply.Json["errors"]!.AsArray())!;
        Assert.Equal("ShipStation", (string)error["error_source"]!);
        Assert.Equal("validation", (string)error["error_type"]!);
        Assert.Equal("invalid_identifier", (string)error["error_code"]!);
        Assert.Contains("NOT-A-SKU", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_location_is_a_400_and_moves_nothing()
    {
        var sku = Sku();
        var before = await OnHandAsync(sku, Location);

        var reply = await TransactAsync(new { transaction_type = "increment", sku, inventory_location_id = "se-999", quantity = 1 });

        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid_identifier", (string)reply.Json!["errors"]![0]!["error_code"]!);
        Assert.Equal(before, await OnHandAsync(sku, Location));
    }

    [Theory]
    [InlineData("{\"sku\":\"SKU-000001\",\"inventory_location_id\":\"se-300001\",\"quantity\":1}", "field_value_required")]
    [InlineData("{\"transaction_type\":\"teleport\",\"sku\":\"SKU-000001\",\"inventory_location_id\":\"se-300001\",\"quantity\":1}", "invalid_field_value")]
    [InlineData("{\"transaction_type\":\"increment\",\"sku\":\"SKU-000001\",\"inventory_location_id\":\"se-300001\",\"quantity\":\"many\"}", "invalid_field_value")]
    [InlineData("{\"transaction_type\":\"increment\",\"sku\":\"SKU-000001\",\"inventory_location_id\":\"se-300001\",\"quantity\":0}", "invalid_field_value")]
    [InlineData("{\"transaction_type\":\"increment\",\"sku\":\"SKU-000001\",\"inventory_location_id\":\"se-300001\"}", "field_value_required")]
    [InlineData("{not json", "invalid_field_value")]
    [InlineData("", "request_body_required")]
    public async Task bad_transactions_are_a_400_in_shipstations_shape_not_a_500(string body, string code)
    {
        var reply = await mirror.ShipStation.PostRawAsync("/v2/inventory", body);

        Assert.Equal(400, reply.Status);
        var error = Assert.Single(reply.Json!["errors"]!.AsArray())!;
        Assert.Equal("validation", (string)error["error_type"]!);
        Assert.Equal(code, (string)error["error_code"]!);
    }

    [Fact]
    public async Task an_unknown_group_by_is_a_400()
    {
        var reply = await mirror.ShipStation.GetJsonAsync("/v2/inventory?group_by=planet");

        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid_field_value", (string)reply.Json!["errors"]![0]!["error_code"]!);
    }

    [Fact]
    public async Task an_unknown_warehouse_id_is_a_404()
    {
        var reply = await mirror.ShipStation.GetJsonAsync("/v2/warehouses/se-404");

        Assert.Equal(404, reply.Status);
        Assert.Equal("invalid_identifier", (string)reply.Json!["errors"]![0]!["error_code"]!);
    }
}
