using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Reconciliation;
using SyncLab.Engine.Returns;

namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>The pure decisions behind WMS return receipts and the reconciliation of web orders.</summary>
public sealed class ReturnAndOrderReconciliationPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static ShopifyRefund Refund(params ShopifyRefundLine[] lines) =>
        new("gid://shopify/Refund/77", "77", "gid://shopify/Order/5", "5", "#1005", At, 10m, lines);

    [Fact]
    public void returned_units_are_received_per_canonical_sku_and_nothing_else()
    {
        var units = ReturnReceiptPlan.Decide(Refund(
            new ShopifyRefundLine("sku-1", 1, "RETURN", 5m),
            new ShopifyRefundLine("SKU-1 ", 2, "LEGACY_RESTOCK", 5m),
            new ShopifyRefundLine("SKU-2", 1, "NO_RESTOCK", 9m),
            new ShopifyRefundLine("SKU-3", 1, "CANCEL", 9m),
            new ShopifyRefundLine("SKU-4", 0, "RETURN", 9m)));

        Assert.Equal(new Dictionary<string, int> { [SkuRules.Canonical("sku-1")] = 3 }, units);
        Assert.Equal("RETURN SHOPIFY-R-77", ReturnReceiptPlan.LocationName(Refund()));
    }

    [Fact]
    public void a_refund_without_restock_receives_nothing_and_a_returned_line_without_sku_is_a_data_error()
    {
        Assert.Empty(ReturnReceiptPlan.Decide(Refund(new ShopifyRefundLine("SKU-2", 1, "NO_RESTOCK", 9m))));
        Assert.Throws<DataErrorException>(() => ReturnReceiptPlan.Decide(Refund(new ShopifyRefundLine(null, 1, "RETURN", 9m))));
    }

    private static ShopifyOrder Order(long id, DateTimeOffset? cancelled = null) =>
        new($"gid://shopify/Order/{id}", $"#{id}", "a@example.com", At, At, cancelled, "USD", 10m, null, null, null, [new ShopifyOrderLine("SKU-1", 1, 10m, "Mug")]);

    [Fact]
    public void gaps_the_engine_never_filled_are_healed_and_gaps_someone_made_since_are_reported()
    {
        var findings = OrderReconciliation.Compare(
            [
                new OrderStanding(Order(1), InErp: true, OpenInErp: true, InWarehouse: true, KeyedByEngine: true, ShippedByEngine: true),
                new OrderStanding(Order(2), InErp: false, OpenInErp: false, InWarehouse: null),
                new OrderStanding(Order(3), InErp: true, OpenInErp: true, InWarehouse: false, KeyedByEngine: true),
                new OrderStanding(Order(4), InErp: false, OpenInErp: false, InWarehouse: null, KeyedByEngine: true),
                new OrderStanding(Order(5), InErp: true, OpenInErp: true, InWarehouse: false, KeyedByEngine: true, ShippedByEngine: true),
                new OrderStanding(Order(6, cancelled: At), InErp: true, OpenInErp: true, InWarehouse: null, KeyedByEngine: true),
                new OrderStanding(Order(7, cancelled: At), InErp: false, OpenInErp: false, InWarehouse: null),
                new OrderStanding(Order(8), InErp: true, OpenInErp: false, InWarehouse: null, KeyedByEngine: true),
            ],
            [new BcSalesDocument(Guid.NewGuid(), "SO-9", "SHOPIFY-9"), new BcSalesDocument(Guid.NewGuid(), "SO-3", "SHOPIFY-3")]);

        Assert.Equal(
            [
                ("SHOPIFY-2", OrderReconciliation.Missing, (string?)"orders"),
                ("SHOPIFY-3", OrderReconciliation.ShipmentMissing, "fulfilment"),
                ("SHOPIFY-4", OrderReconciliation.Missing, null),
                ("SHOPIFY-5", OrderReconciliation.ShipmentMissing, null),
                ("SHOPIFY-6", OrderReconciliation.CancelledOpen, "orders"),
                ("SHOPIFY-9", OrderReconciliation.Unknown, null),
            ],
            findings.Select(f => (f.Sku, f.Kind, f.Heal)).ToList());
    }
}
