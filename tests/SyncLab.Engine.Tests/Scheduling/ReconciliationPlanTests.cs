using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;
using SyncLab.Engine.Reconciliation;

namespace SyncLab.Engine.Tests.Scheduling;

/// <summary>ERP truth against the storefront, with the processes' own decisions: what drifted, who heals it, what is only reported.</summary>
public sealed class ReconciliationPlanTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Edited = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, IReadOnlyList<EffectivePrice>> NoLists = new(StringComparer.Ordinal);

    private static ErpItemState Item(string sku, decimal price = 20m, decimal stock = 7m) =>
        new(sku, sku, price, stock, false, Edited) { WebEnabled = true, Brand = "Contoso", UnitOfMeasure = "PCS", Description = "Mug", Category = "KITCHEN" };

    private static ListedVariant Listed(string sku, decimal price = 20m, int? available = 7, string status = "ACTIVE") =>
        new(new ShopifyVariant($"gid://shopify/ProductVariant/{sku}", $"gid://shopify/Product/{sku}", $"gid://shopify/InventoryItem/{sku}", sku, price, null, status) { Vendor = "Contoso" }, available);

    private static IReadOnlyList<Finding> Compare(IReadOnlyCollection<ErpItemState> items, IReadOnlyCollection<ListedVariant> listed, IReadOnlyDictionary<string, IReadOnlyList<EffectivePrice>>? lists = null) =>
        ReconciliationPlan.Compare(items, lists ?? NoLists, listed, Now, CatalogRules.Default, safetyStock: 0);

    [Fact]
    public void with_the_warehouse_and_stores_as_stock_source_erp_stock_is_not_held_against_the_storefront()
    {
        var findings = ReconciliationPlan.Compare([Item("S", stock: 7m), Item("P")], NoLists, [Listed("S", available: 3), Listed("P", price: 15m)], Now, CatalogRules.Default, safetyStock: 0, stockFromErp: false);

        var only = Assert.Single(findings);
        Assert.Equal((DriftKind.Price, "P"), (only.Kind, only.Sku));
    }

    [Fact]
    public void an_estate_in_step_has_nothing_to_report()
    {
        Assert.Empty(Compare([Item("A"), Item("B", 5m, 0m)], [Listed("A"), Listed("B", 5m, 0) with { Variant = Listed("B", 5m, 0).Variant with { Tags = ["back-soon"] } }]));
    }

    [Fact]
    public void price_stock_and_status_drift_are_each_healed_by_the_process_that_owns_them()
    {
        var findings = Compare([Item("P"), Item("S"), Item("T")], [Listed("P", price: 15m), Listed("S", available: 3), Listed("T", status: "DRAFT")]);
        Assert.Collection(
            findings.OrderBy(f => f.Sku, StringComparer.Ordinal),
            p => Assert.Equal((DriftKind.Price, PriceProcess.ProcessName, "15.00", "20.00"), (p.Kind, p.Heal, p.Found, p.Expected)),
            s => Assert.Equal((DriftKind.Stock, SyncLab.Engine.Inventory.InventoryProcess.ProcessName, "3", "7"), (s.Kind, s.Heal, s.Found, s.Expected)),
            t => Assert.Equal((DriftKind.Status, ProductProcess.ProcessName, "DRAFT"), (t.Kind, t.Heal, t.Found)));
    }

    [Fact]
    public void a_compare_at_price_left_behind_after_a_clearance_is_price_drift_healed_by_the_prices_process()
    {
        var leftover = Listed("C") with { Variant = Listed("C").Variant with { CompareAtPrice = 20m } };

        var finding = Assert.Single(Compare([Item("C")], [leftover]));

        Assert.Equal((DriftKind.Price, PriceProcess.ProcessName, "20.00 (compare at 20.00)", "20.00"), (finding.Kind, finding.Heal, finding.Found, finding.Expected));
    }

    [Fact]
    public void a_web_item_the_storefront_lost_is_missing_and_recreated_by_the_products_process()
    {
        var finding = Assert.Single(Compare([Item("M")], []));
        Assert.Equal((DriftKind.Missing, ProductProcess.ProcessName), (finding.Kind, finding.Heal));
    }

    [Fact]
    public void a_storefront_sku_the_erp_does_not_know_and_data_the_mapping_refuses_are_reported_not_healed()
    {
        var findings = Compare([Item("BAD") with { UnitOfMeasure = "BARREL" }], [Listed("BAD"), Listed("HANDMADE-1")]);
        Assert.All(findings, f => Assert.Null(f.Heal));
        Assert.Equal([DriftKind.DataError, DriftKind.UnknownSku], findings.Select(f => f.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void a_withdrawn_item_is_only_checked_for_being_archived()
    {
        var blocked = Item("W") with { Blocked = true };
        var finding = Assert.Single(Compare([blocked], [Listed("W", price: 1m, available: 0)]));
        Assert.Equal((DriftKind.Status, "ACTIVE"), (finding.Kind, finding.Found));
        Assert.Empty(Compare([blocked], [Listed("W", price: 1m, available: 0, status: "ARCHIVED")]));
    }

    [Fact]
    public void a_price_list_that_took_effect_after_the_card_changed_sets_the_price_and_is_healed_by_effective_prices()
    {
        var sale = new EffectivePrice("WINTER", 9.99m, 24.99m, new DateTimeOffset(2027, 1, 10, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 1, 6, 0, 0, TimeSpan.Zero), Edited);
        var lists = new Dictionary<string, IReadOnlyList<EffectivePrice>>(StringComparer.Ordinal) { ["L"] = [sale] };
        var finding = Assert.Single(Compare([Item("L", price: 24.99m)], [Listed("L", price: 24.99m)], lists));
        Assert.Equal((DriftKind.Price, EffectivePriceProcess.ProcessName, "WINTER", "9.99 (compare at 24.99)"), (finding.Kind, finding.Heal, finding.PriceList, finding.Expected));
        // The office changed the card after the sale started: the card's price is the engine's truth again.
        Assert.Empty(Compare([Item("L", price: 24.99m) with { ModifiedAt = Now.AddDays(-1) }], [Listed("L", price: 24.99m)], lists));
    }

    [Fact]
    public void an_out_of_season_item_is_expected_archived_and_not_missed_when_unlisted()
    {
        var off = Item("X") with { OffSeason = true };
        Assert.Empty(Compare([off], []));
        Assert.Equal(DriftKind.Status, Assert.Single(Compare([off], [Listed("X")])).Kind);
    }
}
