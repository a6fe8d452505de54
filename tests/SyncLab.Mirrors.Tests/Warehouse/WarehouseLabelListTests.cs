using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

/// <summary>What an integration polls with: shipments changed since a cursor, and the label (tracking) of a shipped one.</summary>
public sealed class WarehouseLabelListTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> CreateAsync(string external)
    {
        var sku = mirror.Estate.Items.First(i => mirror.SeededOnHand(i.Sku) >= 2).Sku;
        var created = await mirror.ShipStation.PostJsonAsync("/v2/shipments", new
        {
            shipments = new[]
            {
                new
                {
                    warehouse_id = ShipStationIds.Warehouse(0), external_shipment_id = external,
                    ship_to = new { name = "Ada", phone = "312-555-0199", address_line1 = "1 Way", city_locality = "Chicago", state_province = "IL", postal_code = "60601", country_code = "US" },
                    items = new[] { new { sku, quantity = 1 } },
                },
            },
        });
        Assert.Equal(200, created.Status);
        return (string)created.Json!["shipments"]![0]!["shipment_id"]!;
    }

    [Fact]
    public async Task a_shipped_shipments_label_is_listed_by_shipment_id_with_its_tracking_number()
    {
        var shipped = await CreateAsync("web-1");
        var pending = await CreateAsync("web-2");
        var label = await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{shipped}", new { });

        var listed = await mirror.ShipStation.GetJsonAsync($"/v2/labels?shipment_id={shipped}");
        var none = await mirror.ShipStation.GetJsonAsync($"/v2/labels?shipment_id={pending}");

        Assert.Equal(200, listed.Status);
        var only = Assert.Single(listed.Json!["labels"]!.AsArray());
        Assert.Equal((string)label.Json!["tracking_number"]!, (string)only!["tracking_number"]!);
        Assert.Equal("stamps_com", (string)only["carrier_code"]!);
        Assert.Empty(none.Json!["labels"]!.AsArray());
        Assert.Empty(OpenApiShape.ShipStation.Violations(listed.Body, OpenApiShape.ShipStation.ResponseSchema("/v2/labels", "get")));
    }

    [Fact]
    public async Task shipments_modified_since_a_cursor_come_oldest_change_first()
    {
        var first = await CreateAsync("web-1");
        mirror.Clock.Advance(TimeSpan.FromMinutes(5));
        var cursor = mirror.Clock.GetUtcNow();
        mirror.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await CreateAsync("web-2");
        mirror.Clock.Advance(TimeSpan.FromMinutes(5));
        await mirror.ShipStation.PostJsonAsync($"/v2/labels/shipment/{first}", new { });

        var since = Uri.EscapeDataString(cursor.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        var changed = await mirror.ShipStation.GetJsonAsync($"/v2/shipments?modified_at_start={since}&sort_by=modified_at&sort_dir=asc");
        var shipped = await mirror.ShipStation.GetJsonAsync($"/v2/shipments?modified_at_start={since}&shipment_status=label_purchased");

        Assert.Equal([second, first], changed.Json!["shipments"]!.AsArray().Select(s => (string)s!["shipment_id"]!));
        Assert.Equal([first], shipped.Json!["shipments"]!.AsArray().Select(s => (string)s!["shipment_id"]!));
    }

    [Theory]
    [InlineData("sort_by=shipped_at")]
    [InlineData("sort_dir=up")]
    [InlineData("modified_at_start=yesterday")]
    public async Task bad_filters_answer_shipstations_400(string query)
    {
        var reply = await mirror.ShipStation.GetJsonAsync($"/v2/shipments?{query}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid_field_value", (string)reply.Json!["errors"]![0]!["error_code"]!);
    }
}
