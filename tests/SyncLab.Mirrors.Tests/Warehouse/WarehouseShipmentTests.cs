using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

public sealed class WarehouseShipmentTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>, IAsyncLifetime
{
    private static readonly string Warehouse = ShipStationIds.Warehouse(0);

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string StockedSku(int atLeast) => mirror.Estate.Items.First(i => mirror.SeededOnHand(i.Sku) >= atLeast).Sku;

    private static object ShipTo => new
    {
        name = "Ada Lovelace", phone = "+1 312-555-0199", address_line1 = "1 Analytical Way", city_locality = "Chicago",
        state_province = "IL", postal_code = "60601", country_code = "US", address_residential_indicator = "yes",
    };

    private Task<Reply> CreateAsync(string sku, int quantity, string external = "web-1001") =>
        mirror.ShipStation.PostJsonAsync("/v2/shipments", new
        {
            shipments = new[]
            {
                new { warehouse_id = Warehouse, external_shipment_id = external, ship_to = ShipTo, items = new[] { new { sku, quantity } } },
            },
        });

    private async Task<(int OnHand, int Allocated, int Available)> LevelAsync(string sku)
    {
        var row = (await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}")).Json!["inventory"]![0]!;
        return ((int)row["on_hand"]!, (int)row["allocated"]!, (int)row["available"]!);
    }

    [Fact]
    public async Task when_a_shipment_is_created_its_lines_allocate_stock_and_available_drops()
    {
        var sku = StockedSku(3);
        var before = await LevelAsync(sku);

        var created = await CreateAsync(sku, 3);

        Assert.Equal(200, created.Status);
        var shipment = created.Json!["shipments"]![0]!;
        Assert.Equal("pending", (string)shipment["shipment_status"]!);
        Assert.Equal("allocated", (string)shipment["items"]![0]!["allocation_status"]!);
        Assert.Equal((before.OnHand, 3, before.OnHand - 3), await LevelAsync(sku));
    }

    [Fact]
    public async Task when_the_label_is_bought_the_goods_leave_the_shelf_and_a_tracking_number_is_issued()
    {
        var sku = StockedSku(2);
        var before = await LevelAsync(sku);
        var shipmentId = (string)(await CreateAsync(sku, 2)).Json!["shipments"]![0]!["shipment_id"]!;

        var label = await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{shipmentId}", new { label_format = "pdf" });

        Assert.Equal(200, label.Status);
        Assert.Matches("^9400[0-9]{18}$", (string)label.Json!["tracking_number"]!);
        Assert.Equal((before.OnHand - 2, 0, before.OnHand - 2), await LevelAsync(sku));
        var shipment = await mirror.ShipStation.GetJsonAsync($"/v2/shipments/{shipmentId}");
        Assert.Equal("label_purchased", (string)shipment.Json!["shipment_status"]!);
        Assert.Empty(OpenApiShape.ShipStation.Violations(label.Body, OpenApiShape.ShipStation.ResponseSchema("/v2/labels/shipment/{shipment_id}", "post")));
    }

    [Fact]
    public async Task a_line_with_too_little_stock_waits_unallocated_and_cannot_ship()
    {
        var sku = mirror.Estate.Items.First(i => mirror.SeededOnHand(i.Sku) < 50).Sku;
        var before = await LevelAsync(sku);

        var created = await CreateAsync(sku, 50);
        var shipmentId = (string)created.Json!["shipments"]![0]!["shipment_id"]!;
        var label = await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{shipmentId}", new { });

        Assert.Equal("unallocated", (string)created.Json["shipments"]![0]!["items"]![0]!["allocation_status"]!);
        Assert.Equal(400, label.Status);
        Assert.Equal("business_rules", (string)label.Json!["errors"]![0]!["error_type"]!);
        Assert.Equal(before, await LevelAsync(sku));
    }

    [Fact]
    public async Task cancelling_a_pending_shipment_releases_its_allocation()
    {
        var sku = StockedSku(1);
        var before = await LevelAsync(sku);
        var shipmentId = (string)(await CreateAsync(sku, 1)).Json!["shipments"]![0]!["shipment_id"]!;

        using var cancelled = await mirror.ShipStation.PutAsync(new Uri($"/v2/shipments/{shipmentId}/cancel", UriKind.Relative), null);

        Assert.Equal(204, (int)cancelled.StatusCode);
        Assert.Equal(before, await LevelAsync(sku));
        var list = await mirror.ShipStation.GetJsonAsync("/v2/shipments?shipment_status=cancelled");
        Assert.Equal(shipmentId, (string)Assert.Single(list.Json!["shipments"]!.AsArray())!["shipment_id"]!);
    }

    [Fact]
    public async Task a_shipment_without_a_recipient_name_is_a_400_naming_the_field()
    {
        var reply = await mirror.ShipStation.PostJsonAsync("/v2/shipments", new
        {
            shipments = new[] { new { warehouse_id = Warehouse, ship_to = new { city_locality = "Chicago" }, items = new[] { new { sku = StockedSku(1), quantity = 1 } } } },
        });

        Assert.Equal(400, reply.Status);
        var error = reply.Json!["errors"]![0]!;
        Assert.Equal("field_value_required", (string)error["error_code"]!);
        Assert.Contains("shipments[0].ship_to.name", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_label_for_an_unknown_shipment_is_a_404()
    {
        var reply = await mirror.ShipStation.PostJsonAsync("/v2/labels/shipment/se-1", new { });

        Assert.Equal(404, reply.Status);
    }

    [Fact]
    public async Task shipment_answers_conform()
    {
        var created = await CreateAsync(StockedSku(1), 1);
        var id = (string)created.Json!["shipments"]![0]!["shipment_id"]!;
        var spec = OpenApiShape.ShipStation;

        Assert.Empty(spec.Violations(created.Body, spec.ResponseSchema("/v2/shipments", "post")));
        Assert.Empty(spec.Violations((await mirror.ShipStation.GetJsonAsync($"/v2/shipments/{id}")).Body, spec.ResponseSchema("/v2/shipments/{shipment_id}", "get")));
        Assert.Empty(spec.Violations((await mirror.ShipStation.GetJsonAsync("/v2/shipments")).Body, spec.ResponseSchema("/v2/shipments", "get")));
    }
}
