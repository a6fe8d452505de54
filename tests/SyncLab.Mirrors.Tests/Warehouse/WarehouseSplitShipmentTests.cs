using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

/// <summary>
/// A warehouse ships what it has: a pending shipment split (ShipStation's Split Ship), a parcel of part of it shipped
/// with another carrier, the rest later; and the carriers a shipment can name.
/// </summary>
public abstract class WarehouseSplitShipmentTests(WarehouseMirrorFixture mirror) : IAsyncLifetime
{
    private static readonly OpenApiShape Spec = OpenApiShape.ShipStation;

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private (string First, string Second) TwoStockedSkus()
    {
        var skus = mirror.Estate.Items.Where(i => mirror.SeededOnHand(i.Sku) >= 5).Select(i => i.Sku).Take(2).ToList();
        return (skus[0], skus[1]);
    }

    private async Task<string> CreateAsync(string? carrierId = null, params (string Sku, int Quantity)[] lines)
    {
        var created = await mirror.ShipStation.PostJsonAsync("/v2/shipments", new
        {
            shipments = new[]
            {
                new
                {
                    warehouse_id = ShipStationIds.Warehouse(0), external_shipment_id = "SHOPIFY-7001", external_order_id = "gid://shopify/Order/7001",
                    shipment_number = "#7001", carrier_id = carrierId,
                    ship_to = new { name = "Ada", phone = "312-555-0199", address_line1 = "1 Way", city_locality = "Chicago", state_province = "IL", postal_code = "60601", country_code = "US" },
                    items = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray(),
                },
            },
        });
        Assert.True(created.Status == 200, created.Body);
        return (string)created.Json!["shipments"]![0]!["shipment_id"]!;
    }

    private async Task<(int OnHand, int Allocated)> LevelAsync(string sku)
    {
        var row = (await mirror.ShipStation.GetJsonAsync($"/v2/inventory?sku={sku}")).Json!["inventory"]![0]!;
        return ((int)row["on_hand"]!, (int)row["allocated"]!);
    }

    private static List<(string Sku, int Quantity)> Lines(Reply shipment) =>
        shipment.Json!["items"]!.AsArray().Select(i => ((string)i!["sku"]!, (int)i["quantity"]!)).ToList();

    [Fact]
    public async Task a_split_moves_the_units_named_to_a_new_shipment_of_the_same_order_and_keeps_the_stock_held()
    {
        var (first, second) = TwoStockedSkus();
        var original = await CreateAsync(null, (first, 3), (second, 1));
        var held = (await LevelAsync(first), await LevelAsync(second));

        var split = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/shipments/{original}/split", new { items = new object[] { new { sku = first, quantity = 1 }, new { sku = second, quantity = 1 } } });

        Assert.True(split.Status == 200, split.Body);
        var newId = (string)split.Json!["newShipmentId"]!;
        var kept = await mirror.ShipStation.GetJsonAsync($"/v2/shipments/{original}");
        var moved = await mirror.ShipStation.GetJsonAsync($"/v2/shipments/{newId}");
        Assert.Equal([(first, 2)], Lines(kept));
        Assert.Equal([(first, 1), (second, 1)], Lines(moved));
        Assert.Equal("pending", (string)moved.Json!["shipment_status"]!);
        Assert.Equal("gid://shopify/Order/7001", (string)moved.Json["external_order_id"]!);
        Assert.Equal("#7001", (string)moved.Json["shipment_number"]!);
        // external_shipment_id is unique per account: ShipStation fills the new shipment's with its own id.
        Assert.Equal(newId, (string)moved.Json["external_shipment_id"]!);
        Assert.Equal("SHOPIFY-7001", (string)kept.Json!["external_shipment_id"]!);
        Assert.Equal(held, (await LevelAsync(first), await LevelAsync(second)));

        var ofOrder = await mirror.ShipStation.GetJsonAsync("/v2/shipments?shipment_number=%237001");
        Assert.Equal([original, newId], ofOrder.Json!["shipments"]!.AsArray().Select(s => (string)s!["shipment_id"]!));
        Assert.Empty(Spec.Violations(ofOrder.Body, Spec.ResponseSchema("/v2/shipments", "get")));
        Assert.Empty(Spec.Violations(moved.Body, Spec.ResponseSchema("/v2/shipments/{shipment_id}", "get")));
    }

    [Theory]
    [InlineData(3, 400)]
    [InlineData(4, 400)]
    [InlineData(0, 400)]
    public async Task a_split_that_would_empty_the_original_or_take_more_than_it_has_is_refused(int quantity, int status)
    {
        var (first, _) = TwoStockedSkus();
        var original = await CreateAsync(null, (first, 3));

        var split = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/shipments/{original}/split", new { items = new[] { new { sku = first, quantity } } });

        Assert.Equal(status, split.Status);
        Assert.Equal("application/problem+json", split.Message.Content.Headers.ContentType?.MediaType);
        Assert.Equal([(first, 3)], Lines(await mirror.ShipStation.GetJsonAsync($"/v2/shipments/{original}")));
    }

    [Fact]
    public async Task a_shipped_shipment_cannot_be_split_and_an_unknown_one_is_not_found()
    {
        var (first, _) = TwoStockedSkus();
        var shipped = await CreateAsync(null, (first, 2));
        await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{shipped}", new { });

        var refused = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/shipments/{shipped}/split", new { items = new[] { new { sku = first, quantity = 1 } } });
        var unknown = await mirror.Plain.PostJsonAsync("/_synclab/warehouse/shipments/se-404/parcels", new { });

        Assert.Equal(409, refused.Status);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task a_parcel_of_part_of_a_shipment_ships_by_ups_and_the_rest_ships_later_by_the_shipments_own_carrier()
    {
        var (first, second) = TwoStockedSkus();
        var before = (await LevelAsync(first), await LevelAsync(second));
        var original = await CreateAsync(null, (first, 2), (second, 1));

        var parcel = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/shipments/{original}/parcels", new { items = new[] { new { sku = first, quantity = 2 } }, carrierCode = "ups" });

        Assert.True(parcel.Status == 200, parcel.Body);
        var parcelId = (string)parcel.Json!["shipmentId"]!;
        Assert.Equal(original, (string)parcel.Json["remainingShipmentId"]!);
        Assert.Matches("^1Z999AA1[0-9]{10}$", (string)parcel.Json["trackingNumber"]!);
        var label = await mirror.ShipStation.GetJsonAsync($"/v2/labels?shipment_id={parcelId}");
        var only = Assert.Single(label.Json!["labels"]!.AsArray())!;
        Assert.Equal("ups", (string)only["carrier_code"]!);
        Assert.Equal("se-700002", (string)only["carrier_id"]!);
        Assert.Equal($"https://www.ups.com/track?tracknum={(string)parcel.Json["trackingNumber"]!}", (string)only["tracking_url"]!);
        Assert.Empty(Spec.Violations(label.Body, Spec.ResponseSchema("/v2/labels", "get")));
        // Only the parcel's units left the shelf; the rest is still held for the pending shipment.
        Assert.Equal((before.Item1.OnHand - 2, before.Item1.Allocated), await LevelAsync(first));
        Assert.Equal((before.Item2.OnHand, before.Item2.Allocated + 1), await LevelAsync(second));
        Assert.Equal("pending", (string)(await mirror.ShipStation.GetJsonAsync($"/v2/shipments/{original}")).Json!["shipment_status"]!);

        var rest = await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{original}", new { });

        Assert.Equal("stamps_com", (string)rest.Json!["carrier_code"]!);
        Assert.Equal((before.Item2.OnHand - 1, before.Item2.Allocated), await LevelAsync(second));
    }

    [Fact]
    public async Task a_shipment_naming_fedex_gets_a_fedex_label_and_an_unknown_carrier_is_refused_in_shipstations_shape()
    {
        var (first, _) = TwoStockedSkus();
        var fedex = await CreateAsync("se-700003", (first, 1));

        var label = await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{fedex}", new { });
        var unknown = await mirror.ShipStation.PostJsonAsync("/v2/shipments", new
        {
            shipments = new[]
            {
                new
                {
                    warehouse_id = ShipStationIds.Warehouse(0), carrier_id = "se-799999",
                    ship_to = new { name = "Ada", phone = "312-555-0199", address_line1 = "1 Way", city_locality = "Chicago", state_province = "IL", postal_code = "60601", country_code = "US" },
                    items = new[] { new { sku = first, quantity = 1 } },
                },
            },
        });

        Assert.Equal("fedex", (string)label.Json!["carrier_code"]!);
        Assert.Equal("fedex_ground", (string)label.Json["service_code"]!);
        Assert.Matches("^7[0-9]{11}$", (string)label.Json["tracking_number"]!);
        Assert.Empty(Spec.Violations(label.Body, Spec.ResponseSchema("/v2/labels/shipment/{shipment_id}", "post")));
        Assert.Equal(400, unknown.Status);
        Assert.Equal("invalid_identifier", (string)unknown.Json!["errors"]![0]!["error_code"]!);
        Assert.Empty(Spec.Violations(unknown.Body, Spec.Schema("error_response_body")));
    }

    [Fact]
    public async Task a_parcel_naming_every_unit_ships_the_whole_shipment_without_a_split()
    {
        var (first, _) = TwoStockedSkus();
        var original = await CreateAsync(null, (first, 2));

        var parcel = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/shipments/{original}/parcels", new { items = new[] { new { sku = first, quantity = 2 } }, carrierCode = "fedex" });
        var badCarrier = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/shipments/{original}/parcels", new { carrierCode = "pigeon" });

        Assert.Equal(original, (string)parcel.Json!["shipmentId"]!);
        Assert.Null(parcel.Json["remainingShipmentId"]);
        Assert.Single((await mirror.ShipStation.GetJsonAsync("/v2/shipments?shipment_number=%237001")).Json!["shipments"]!.AsArray());
        Assert.Equal(400, badCarrier.Status);
    }
}

/// <summary>The split and parcels on the InMemory store.</summary>
public sealed class WarehouseSplitShipmentInMemoryTests(WarehouseMirrorFixture mirror) : WarehouseSplitShipmentTests(mirror), IClassFixture<WarehouseMirrorFixture>;

/// <summary>The same on SQLite: lines that shrink, leave the original or move are rows updated, deleted and inserted.</summary>
public sealed class WarehouseSplitShipmentSqliteTests(SqliteWarehouseMirrorFixture mirror) : WarehouseSplitShipmentTests(mirror), IClassFixture<SqliteWarehouseMirrorFixture>;
