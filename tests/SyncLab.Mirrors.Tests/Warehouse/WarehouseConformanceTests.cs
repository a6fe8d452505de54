using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

/// <summary>Every operation the ShipStation mirror implements answers in the shape of ShipStation's published OpenAPI (v2).</summary>
public sealed class WarehouseConformanceTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>
{
    private static readonly OpenApiShape Spec = OpenApiShape.ShipStation;

    private static void Conforms(Reply reply, string path, string method, string status = "200")
    {
        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), reply.Status);
        var violations = Spec.Violations(reply.Body, Spec.ResponseSchema(path, method, status));
        Assert.True(violations.Count == 0, $"{method.ToUpperInvariant()} {path} ({reply.Status}):\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task warehouse_answers_conform()
    {
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/warehouses"), "/v2/warehouses", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/warehouses/" + ShipStationIds.Warehouse(0)), "/v2/warehouses/{warehouse_id}", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory_warehouses"), "/v2/inventory_warehouses", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory_warehouses/" + ShipStationIds.InventoryWarehouse(0)), "/v2/inventory_warehouses/{inventory_warehouse_id}", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory_locations"), "/v2/inventory_locations", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory_locations/" + ShipStationIds.InventoryLocation(0)), "/v2/inventory_locations/{inventory_location_id}", "get");
    }

    [Fact]
    public async Task inventory_and_product_answers_conform()
    {
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory?limit=10"), "/v2/inventory", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory?limit=10&group_by=location"), "/v2/inventory", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/inventory?limit=10&group_by=warehouse"), "/v2/inventory", "get");
        Conforms(await mirror.ShipStation.GetJsonAsync("/v2/products?page_size=10"), "/v2/products", "get");
    }

    [Fact]
    public async Task error_answers_conform_to_error_response_body()
    {
        var errors = new[]
        {
            await mirror.Plain.GetJsonAsync("/v2/warehouses"),
            await mirror.ShipStation.GetJsonAsync("/v2/warehouses/se-404"),
            await mirror.ShipStation.PostRawAsync("/v2/inventory", "{\"transaction_type\":\"increment\"}"),
            await mirror.ShipStation.GetJsonAsync("/v2/inventory?limit=0"),
        };

        Assert.Equal([401, 404, 400, 400], errors.Select(e => e.Status));
        foreach (var error in errors)
        {
            var violations = Spec.Violations(error.Body, Spec.Schema("error_response_body"));
            Assert.True(violations.Count == 0, string.Join('\n', violations));
        }
    }
}
