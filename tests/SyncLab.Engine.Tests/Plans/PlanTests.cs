using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Tests.Plans;

public sealed class PlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ErpItemState Item(decimal price = 10m, decimal inventory = 5m) => new("SKU-1", "sku-1  ", price, inventory, false, At);

    private static ShopifyVariant Variant(decimal price) => new("gid://shopify/ProductVariant/1", "gid://shopify/Product/1", "gid://shopify/InventoryItem/1", "SKU-1", price, null, "ACTIVE");

    [Theory]
    [InlineData("SKU-000001", "SKU-000001")]
    [InlineData("sku-000001", "SKU-000001")]
    [InlineData("SKU-000001  ", "SKU-000001")]
    public void office_drift_in_item_numbers_maps_to_one_canonical_sku(string number, string sku) =>
        Assert.Equal(sku, SkuRules.Canonical(number));

    [Theory]
    [InlineData(12, 0, 12)]
    [InlineData(12, 2, 10)]
    [InlineData(1, 2, 0)]
    [InlineData(-4, 0, 0)]
    [InlineData(3.7, 0, 3)]
    public void the_web_may_sell_stock_less_safety_stock_never_below_zero(decimal erp, int safety, int available) =>
        Assert.Equal(available, StockPlan.AvailableToSell(Item(inventory: erp), safety));

    [Fact]
    public void an_unchanged_price_needs_no_write() => Assert.Null(PricePlan.Decide(Item(price: 10m), Variant(10m)));

    [Fact]
    public void a_changed_price_is_planned_from_the_current_to_the_new() =>
        Assert.Equal(new PriceChange("SKU-1", 9.5m, 10m), PricePlan.Decide(Item(price: 10m), Variant(9.5m)));

    [Fact]
    public void a_compare_at_price_left_from_a_clearance_is_cleared_when_the_item_card_price_applies()
    {
        var leftover = Variant(10m) with { CompareAtPrice = 14m };
        Assert.Equal(new PriceChange("SKU-1", 10m, 10m, null), PricePlan.Decide(Item(price: 10m), leftover));
        Assert.Equal(new PriceChange("SKU-1", 10m, 7m, 10m), PricePlan.Decide(Item(price: 10m), leftover, Lifecycle.EndOfLine));
    }

    [Fact]
    public void a_negative_erp_price_is_a_data_error_not_a_write()
    {
        var error = Assert.Throws<DataErrorException>(() => PricePlan.Decide(Item(price: -1m), Variant(9.5m)));
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void versions_sort_as_the_erp_timestamps_do()
    {
        var earlier = Item() with { ModifiedAt = At };
        var later = Item() with { ModifiedAt = At.AddTicks(1) };
        Assert.True(string.CompareOrdinal(earlier.Version, later.Version) < 0);
    }
}
