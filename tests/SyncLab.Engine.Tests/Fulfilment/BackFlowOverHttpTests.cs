namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>The order back-flow against the real mirrors over loopback HTTP: warehouse, storefront and ERP.</summary>
public sealed class BackFlowOverHttpTests
{
    [Fact]
    public async Task an_order_ships_from_the_warehouse_is_fulfilled_and_invoiced_and_its_return_credited_each_once()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var sku = s.StockedWebSku(2);
        var order = await s.PlaceOrderAsync("ship@example.com", (sku, 2));
        var external = BackFlowStaging.External(order);

        await s.PollAsync();
        var shipment = Assert.Single(await s.ShipmentsAsync(external));
        Assert.Equal("pending", (string)shipment["shipment_status"]!);
        Assert.Equal(2, (int)shipment["items"]![0]!["quantity"]!);
        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));

        var tracking = await s.BuyLabelAsync((string)shipment["shipment_id"]!);
        await s.PollAsync();
        // Overlapping polls see the shipped shipment again: nothing more happens.
        await s.PollAsync();
        await s.PollAsync();

        var fulfilments = await s.FulfilmentsAsync(order);
        Assert.Equal(1, fulfilments.Fulfillments);
        Assert.Equal([tracking], fulfilments.Tracking);
        Assert.Equal(["USPS"], fulfilments.Companies);
        Assert.Equal("FULFILLED", fulfilments.Status);
        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));

        await s.RefundFirstLineAsync(order, 1);
        await s.PollAsync();
        await s.PollAsync();
        var memo = Assert.Single(await s.ErpAsync("salesCreditMemos", $"startswith(externalDocumentNumber,'SHOPIFY-R-')"));
        Assert.Equal("Paid", (string)memo["status"]!);
        Assert.Empty(await s.DataErrorsAsync((string)order["id"]!));
    }

    [Fact]
    public async Task a_warehouse_answering_503_then_recovering_gets_each_order_once()
    {
        await using var s = await BackFlowStaging.StartAsync();
        await s.AddFaultAsync("warehouse", new { id = "down", kind = "error", path = "/v2/**", status = 503 });
        var first = await s.PlaceOrderAsync("down1@example.com", (s.StockedWebSku(1), 1));
        var second = await s.PlaceOrderAsync("down2@example.com", (s.StockedWebSku(1, skip: 1), 1));
        await s.PollAsync();
        await s.ClearFaultsAsync("warehouse");
        Assert.Empty(await s.ShipmentsAsync(BackFlowStaging.External(first)));

        // Retries back off on the business clock: let it pass until they are due.
        for (var i = 0; i < 6; i++)
        {
            await s.PollAsync();
        }
        Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(first)));
        Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(second)));
    }

    [Fact]
    public async Task a_throttled_label_lookup_is_retried_after_retry_after_and_fulfils_once()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var order = await s.PlaceOrderAsync("slow@example.com", (s.StockedWebSku(1), 1));
        await s.PollAsync();
        var shipment = Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(order)));
        await s.BuyLabelAsync((string)shipment["shipment_id"]!);
        await s.AddFaultAsync("warehouse", new { id = "busy", kind = "throttle", path = "/v2/labels", count = 2, retryAfter = "00:00:30" });

        await s.PollAsync();
        Assert.Equal(0, (await s.FulfilmentsAsync(order)).Fulfillments);
        await s.PollAsync();
        await s.PollAsync();

        Assert.Equal(1, (await s.FulfilmentsAsync(order)).Fulfillments);
        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{BackFlowStaging.External(order)}'"));
    }

    [Fact]
    public async Task cancelling_before_the_label_cancels_the_shipment_and_after_the_label_is_a_data_error()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var early = await s.PlaceOrderAsync("early@example.com", (s.StockedWebSku(1), 1));
        var late = await s.PlaceOrderAsync("late@example.com", (s.StockedWebSku(1, skip: 1), 1));
        await s.PollAsync();
        var lateShipment = Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(late)));
        await s.BuyLabelAsync((string)lateShipment["shipment_id"]!);

        await s.CancelOrderAsync(early);
        await s.CancelOrderAsync(late);
        await s.PollAsync();

        Assert.Equal("cancelled", (string)Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(early)))["shipment_status"]!);
        Assert.Equal("label_purchased", (string)Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(late)))["shipment_status"]!);
        Assert.Contains(await s.DataErrorsAsync((string)late["id"]!), e => e.Message.Contains("already shipped", StringComparison.Ordinal));
        Assert.Empty(await s.DataErrorsAsync((string)early["id"]!));
    }

    [Fact]
    public async Task an_order_the_warehouse_ships_twice_is_fulfilled_and_invoiced_once_and_the_extra_parcel_reported()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var sku = s.StockedWebSku(2);
        var order = await s.PlaceOrderAsync("twice@example.com", (sku, 1));
        var external = BackFlowStaging.External(order);
        await s.PollAsync();
        var shipment = Assert.Single(await s.ShipmentsAsync(external));
        // Someone at the warehouse keys the same order in again and ships both parcels.
        var copy = await s.ShipStationAsync(HttpMethod.Post, "v2/shipments", new
        {
            shipments = new[]
            {
                new
                {
                    warehouse_id = (string)shipment["warehouse_id"]!, external_shipment_id = external, external_order_id = (string)order["id"]!,
                    ship_to = shipment["ship_to"], items = new[] { new { sku, quantity = 1 } },
                },
            },
        });
        var copyId = (string)copy["shipments"]![0]!["shipment_id"]!;
        await s.BuyLabelAsync((string)shipment["shipment_id"]!);
        await s.BuyLabelAsync(copyId);
        await s.PollAsync();
        await s.PollAsync();

        Assert.Equal(1, (await s.FulfilmentsAsync(order)).Fulfillments);
        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        // Whichever parcel is recorded second (they shipped at the same instant) is the one reported.
        var reported = (await s.DataErrorsAsync(copyId)).Concat(await s.DataErrorsAsync((string)shipment["shipment_id"]!)).ToList();
        Assert.Single(reported, e => e.Message.Contains("beyond what the order has left to ship", StringComparison.Ordinal));
    }
}
