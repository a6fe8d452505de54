using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Fulfilment;
using SyncLab.Engine.Returns;

namespace SyncLab.Engine.Tests.Fulfilment;

public sealed class BackFlowPlanTests
{
    private static readonly DateTimeOffset Placed = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static ShopifyOrder Order(ShopifyAddress? address, params ShopifyOrderLine[] lines) => new(
        "gid://shopify/Order/5001", "#1001", "ada@example.com", Placed, Placed, null, "USD", 10m, address, "Ada", "Lovelace", lines);

    private static readonly ShopifyAddress Chicago = new("Ada", "Lovelace", "1 Analytical Way", "Chicago", "60601", "US", null, "IL");

    [Fact]
    public void a_shipment_picks_one_line_per_sku_ships_to_the_order_address_and_carries_the_engine_reference()
    {
        var plan = ShipmentPlan.Decide(
            Order(Chicago, new ShopifyOrderLine("sku-1", 1, 5m, "Mug"), new ShopifyOrderLine("SKU-1 ", 2, 5m, "Mug"), new ShopifyOrderLine("SKU-2", 1, 9m, "Lamp")),
            "se-100001",
            "555-0100");

        Assert.Equal([("SKU-1", 3), ("SKU-2", 1)], plan.Items.Select(i => (i.Sku, i.Quantity)));
        Assert.Equal(("SHOPIFY-5001", "gid://shopify/Order/5001", "#1001"), (plan.ExternalShipmentId, plan.ExternalOrderId, plan.ShipmentNumber));
        Assert.Equal(("Ada Lovelace", "555-0100", "IL", "US"), (plan.ShipTo.Name, plan.ShipTo.Phone, plan.ShipTo.StateProvince, plan.ShipTo.CountryCode));
    }

    [Fact]
    public void an_order_without_an_address_or_with_a_line_without_sku_is_a_data_error_naming_both()
    {
        var error = Assert.Throws<DataErrorException>(() => ShipmentPlan.Decide(Order(null, new ShopifyOrderLine(null, 1, 5m, "Gift card")), "se-100001", "0"));
        Assert.Contains("no complete shipping address", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Gift card' has no SKU", error.Message, StringComparison.Ordinal);
    }

    private static ShopifyFulfillmentOrder Open(string id, params (string Line, string Sku, int Left)[] lines) =>
        new(id, "OPEN", lines.Select(l => new ShopifyFulfillmentOrderLine(l.Line, l.Sku, l.Left)).ToList());

    [Fact]
    public void shipped_units_fulfil_the_lines_they_cover()
    {
        var orders = new[] { Open("fo-1", ("l-1", "SKU-1", 3), ("l-2", "SKU-2", 1)) };

        Assert.Equal([new ShopifyFulfillmentLine("fo-1", "l-1", 2)], FulfilmentPlan.Decide([new ShipStationItem("sku-1", 2)], orders));
    }

    [Fact]
    public void a_parcel_completes_its_order_in_the_erp_once_every_other_shipment_left_and_never_when_the_rest_was_stopped()
    {
        static ShipStationShipment Shipment(string id, string status) => new(id, status, id == "se-1" ? "SHOPIFY-7" : id, "gid://shopify/Order/7", "#1007", default, []);
        var first = Shipment("se-1", ShipStationShipment.LabelPurchased);

        Assert.Equal((true, null), ShipmentPlan.Posting(first, [first]));
        Assert.Equal((true, null), ShipmentPlan.Posting(first, []));
        Assert.Equal((false, null), ShipmentPlan.Posting(first, [first, Shipment("se-2", ShipStationShipment.Pending)]));
        Assert.Equal((true, null), ShipmentPlan.Posting(first, [first, Shipment("se-2", ShipStationShipment.LabelPurchased)]));
        var rest = Shipment("se-2", ShipStationShipment.Cancelled);
        Assert.Equal((false, rest), ShipmentPlan.Posting(first, [first, rest]));
    }

    [Fact]
    public void units_shipped_beyond_what_is_left_are_a_data_error_not_a_second_fulfilment()
    {
        var closed = new ShopifyFulfillmentOrder("fo-1", "CLOSED", [new ShopifyFulfillmentOrderLine("l-1", "SKU-1", 0)]);
        var error = Assert.Throws<DataErrorException>(() => FulfilmentPlan.Decide([new ShipStationItem("SKU-1", 1)], [closed]));
        Assert.Contains("1 of SKU-1 shipped beyond what the order has left to ship", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stamps_com", "USPS")]
    [InlineData("ups", "UPS")]
    [InlineData("fedex", "FedEx")]
    [InlineData("dhl_express", "DHL Express")]
    [InlineData("royal_mail", "royal_mail")]
    [InlineData(null, "Other")]
    public void carriers_are_named_as_the_storefront_knows_them(string? carrierCode, string name) =>
        Assert.Equal(name, FulfilmentPlan.CarrierName(carrierCode));

    private static ShopifyRefund Refund(params ShopifyRefundLine[] lines) =>
        new("gid://shopify/Refund/77", "77", "gid://shopify/Order/5001", "5001", "#1001", new DateTimeOffset(2027, 1, 4, 3, 0, 0, TimeSpan.Zero), 10m, lines);

    private static readonly BcSalesInvoice Invoice = new(Guid.Parse("00000000-0000-0000-0000-0000000000f1"), "S-INV-1", "SHOPIFY-5001", Guid.Parse("00000000-0000-0000-0000-0000000000c1"));

    [Fact]
    public void a_return_is_credited_against_the_invoice_on_the_merchants_day()
    {
        var mug = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
        var plan = CreditMemoPlan.Decide(Refund(new ShopifyRefundLine("sku-1", 2, "RETURN", 12.5m)), Invoice, new Dictionary<string, Guid> { ["SKU-1"] = mug },
            TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));

        Assert.Equal(("SHOPIFY-R-77", Invoice.CustomerId, Invoice.Id), (plan.ExternalDocumentNumber, plan.CustomerId, plan.InvoiceId));
        // 03:00 UTC on 4 January is still 3 January in Chicago.
        Assert.Equal(new DateOnly(2027, 1, 3), plan.CreditMemoDate);
        Assert.Equal((mug, 2m, 12.5m), (plan.Lines[0].ItemId, plan.Lines[0].Quantity, plan.Lines[0].UnitPrice));
    }

    [Fact]
    public void only_goods_that_shipped_are_credited_and_a_refund_without_return_is_a_data_error()
    {
        Assert.False(CreditMemoPlan.CreditsShippedGoods(Refund(new ShopifyRefundLine("SKU-1", 1, "CANCEL", 5m))));
        Assert.True(CreditMemoPlan.CreditsShippedGoods(Refund(new ShopifyRefundLine("SKU-1", 1, "NO_RESTOCK", 5m))));
        var error = Assert.Throws<DataErrorException>(() => CreditMemoPlan.Decide(
            Refund(new ShopifyRefundLine("SKU-1", 1, "NO_RESTOCK", 5m)), Invoice, new Dictionary<string, Guid> { ["SKU-1"] = Guid.NewGuid() }, TimeZoneInfo.Utc));
        Assert.Contains("goodwill credit needs a G/L account", error.Message, StringComparison.Ordinal);
    }
}
