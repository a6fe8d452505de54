namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>
/// A warehouse ships what it has: an order leaves in parcels days apart, or a line's units in two parcels. Each
/// parcel fulfils only what it carries on the storefront; the ERP ships and invoices the sales order once, when the
/// last parcel has left (Business Central posts whole orders). Over loopback HTTP against the real mirrors.
/// </summary>
public sealed class PartialShipmentOverHttpTests
{
    [Fact]
    public async Task an_order_of_three_lines_ships_in_two_parcels_days_apart_and_is_fulfilled_line_by_line_and_invoiced_once()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var (a, b, c) = (s.StockedWebSku(2), s.StockedWebSku(2, skip: 1), s.StockedWebSku(2, skip: 2));
        var order = await s.PlaceOrderAsync("parcels@example.com", (a, 1), (b, 1), (c, 1));
        var external = BackFlowStaging.External(order);
        await s.PollAsync();
        var shipment = Assert.Single(await s.ShipmentsAsync(external));

        // "c" is backordered: the warehouse ships the other two by UPS.
        var first = await s.ShipParcelAsync((string)shipment["shipment_id"]!, "ups", (a, 1), (b, 1));
        await s.PollAsync();
        await s.PollAsync();

        var partly = await s.FulfilmentsAsync(order);
        Assert.Equal("PARTIALLY_FULFILLED", partly.Status);
        var parcel = Assert.Single(await s.FulfilledParcelsAsync(order));
        Assert.Equal(((string)first["trackingNumber"]!, "UPS"), (parcel.Tracking, parcel.Company));
        Assert.Equal(new Dictionary<string, int> { [a] = 1, [b] = 1 }, parcel.Units);
        Assert.Empty(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.DataErrorsAsync((string)first["shipmentId"]!));

        // Two days later "c" arrives and the rest of the shipment leaves with the shipment's own carrier.
        s.Host.Clock.Advance(TimeSpan.FromDays(2));
        var rest = await s.BuyLabelAsync((string)first["remainingShipmentId"]!);
        await s.PollAsync();
        await s.PollAsync();

        var parcels = await s.FulfilledParcelsAsync(order);
        Assert.Equal([(string)first["trackingNumber"]!, rest], parcels.Select(p => p.Tracking));
        Assert.Equal(new Dictionary<string, int> { [c] = 1 }, parcels[1].Units);
        Assert.Equal("USPS", parcels[1].Company);
        Assert.Equal("FULFILLED", (await s.FulfilmentsAsync(order)).Status);
        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.DataErrorsAsync((string)shipment["shipment_id"]!));
    }

    [Fact]
    public async Task a_lines_units_split_across_two_parcels_are_fulfilled_as_shipped_and_each_parcel_once_however_often_it_is_seen()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var sku = s.StockedWebSku(3);
        var order = await s.PlaceOrderAsync("split@example.com", (sku, 3));
        var external = BackFlowStaging.External(order);
        await s.PollAsync();
        var shipment = (string)Assert.Single(await s.ShipmentsAsync(external))["shipment_id"]!;

        var first = await s.ShipParcelAsync(shipment, "fedex", (sku, 2));
        // Overlapping polls see the shipped parcel again and again.
        for (var i = 0; i < 4; i++)
        {
            await s.PollAsync();
        }
        var one = Assert.Single(await s.FulfilledParcelsAsync(order));
        Assert.Equal(("FedEx", 2), (one.Company, one.Units[sku]));
        Assert.Equal("PARTIALLY_FULFILLED", (await s.FulfilmentsAsync(order)).Status);

        var second = await s.ShipParcelAsync(shipment, "fedex");
        for (var i = 0; i < 4; i++)
        {
            await s.PollAsync();
        }

        var parcels = await s.FulfilledParcelsAsync(order);
        Assert.Equal([(string)first["trackingNumber"]!, (string)second["trackingNumber"]!], parcels.Select(p => p.Tracking));
        Assert.Equal([2, 1], parcels.Select(p => p.Units[sku]));
        Assert.Equal("FULFILLED", (await s.FulfilmentsAsync(order)).Status);
        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.DataErrorsAsync((string)order["id"]!));
    }

    [Fact]
    public async Task an_order_cancelled_after_one_parcel_left_stops_the_rest_in_the_warehouse_and_reports_the_parcel_that_went()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var (a, b) = (s.StockedWebSku(1), s.StockedWebSku(1, skip: 1));
        var order = await s.PlaceOrderAsync("halfway@example.com", (a, 1), (b, 1));
        var external = BackFlowStaging.External(order);
        await s.PollAsync();
        var shipment = (string)Assert.Single(await s.ShipmentsAsync(external))["shipment_id"]!;

        // The first parcel leaves; the shopper cancels before the engine has fulfilled anything on the storefront.
        var parcel = (string)(await s.ShipParcelAsync(shipment, null, (a, 1)))["shipmentId"]!;
        await s.CancelOrderAsync(order);
        await s.PollAsync();
        await s.PollAsync();

        var rest = await s.ShipStationAsync(HttpMethod.Get, $"v2/shipments/{shipment}");
        Assert.Equal("cancelled", (string)rest["shipment_status"]!);
        Assert.Contains(await s.DataErrorsAsync((string)order["id"]!),
            e => e.Message.Contains("already shipped", StringComparison.Ordinal) && e.Message.Contains($"the rest (shipment {shipment}) was cancelled", StringComparison.Ordinal));
        Assert.Equal(0, (await s.FulfilmentsAsync(order)).Fulfillments);
        // One of two units left: the ERP does not invoice the order in full, now or when the parcel is seen again.
        await s.PollAsync();
        Assert.Empty(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Contains(await s.DataErrorsAsync((string)order["id"]!), e => e.Message.Contains("not invoiced in full: the office posts what shipped", StringComparison.Ordinal));
        Assert.NotEmpty(await s.DataErrorsAsync(parcel)); // the storefront order, cancelled, takes no fulfilment
    }
}
