using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

/// <summary>
/// <c>POST /v2/inventory_locations</c> (createInventoryLocation): a named location in an inventory warehouse, in the
/// shape of ShipStation's OpenAPI; stock can be set there and counts in its warehouse; bad requests answer ShipStation's
/// error body. A fixture of its own: the locations it creates must not meet the other warehouse tests.
/// </summary>
public sealed class WarehouseInventoryLocationTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>
{
    private static readonly OpenApiShape Spec = OpenApiShape.ShipStation;

    [Fact]
    public async Task a_created_location_is_listed_conforms_and_holds_stock_of_its_warehouse()
    {
        var warehouse = ShipStationIds.InventoryWarehouse(0);
        var sku = mirror.Estate.Items[0].Sku;
        var before = (int)(await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}&group_by=warehouse")).Json!["inventory"]![0]!["on_hand"]!;

        var created = await mirror.ShipStation.PostJsonAsync("/v2/inventory_locations", new { name = "RETURN SHOPIFY-R-1", inventory_warehouse_id = warehouse });

        Assert.Equal(200, created.Status);
        var violations = Spec.Violations(created.Body, Spec.ResponseSchema("/v2/inventory_locations", "post", "200"));
        Assert.True(violations.Count == 0, string.Join('\n', violations));
        var id = (string)created.Json!["inventory_location_id"]!;
        Assert.Equal(("RETURN SHOPIFY-R-1", warehouse), ((string)created.Json["name"]!, (string)created.Json["inventory_warehouse_id"]!));
        var listed = (await mirror.ShipStation.GetJsonAsync("/v2/inventory_locations")).Json!["inventory_locations"]!.AsArray();
        Assert.Contains(listed, l => (string)l!["inventory_location_id"]! == id && (string)l["name"]! == "RETURN SHOPIFY-R-1");
        Assert.Equal(200, (await mirror.ShipStation.GetJsonAsync($"/v2/inventory_locations/{id}")).Status);

        // Setting stock there twice to the same absolute quantity counts it once in the warehouse.
        for (var i = 0; i < 2; i++)
        {
            var adjusted = await mirror.ShipStation.PostJsonAsync("/v2/inventory", new { transaction_type = "adjust", inventory_location_id = id, sku, quantity = 2, reason = "return" });
            Assert.Equal(204, adjusted.Status);
        }
        var after = (int)(await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}&group_by=warehouse")).Json!["inventory"]![0]!["on_hand"]!;
        Assert.Equal(before + 2, after);
    }

    [Fact]
    public async Task a_location_without_name_or_in_an_unknown_warehouse_is_refused_in_shipstations_error_shape()
    {
        var errors = new[]
        {
            await mirror.ShipStation.PostJsonAsync("/v2/inventory_locations", new { inventory_warehouse_id = ShipStationIds.InventoryWarehouse(0) }),
            await mirror.ShipStation.PostJsonAsync("/v2/inventory_locations", new { name = "B-02" }),
            await mirror.ShipStation.PostJsonAsync("/v2/inventory_locations", new { name = "B-02", inventory_warehouse_id = "se-404" }),
            await mirror.Plain.PostJsonAsync("/v2/inventory_locations", new { name = "B-02", inventory_warehouse_id = ShipStationIds.InventoryWarehouse(0) }),
        };

        Assert.Equal([400, 400, 400, 401], errors.Select(e => e.Status));
        foreach (var error in errors)
        {
            var violations = Spec.Violations(error.Body, Spec.Schema("error_response_body"));
            Assert.True(violations.Count == 0, string.Join('\n', violations));
        }
        Assert.DoesNotContain((await mirror.ShipStation.GetJsonAsync("/v2/inventory_locations")).Json!["inventory_locations"]!.AsArray(), l => (string)l!["name"]! == "B-02");
    }
}
