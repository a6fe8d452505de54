using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Tests.Plans;

public sealed class ProductPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CatalogRules Rules = CatalogRules.Default with
    {
        LowStockByCategory = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["KITCHEN"] = 8 },
    };

    private static ErpItemState Item(decimal price = 20m, decimal inventory = 10m) => new("SKU-1", "SKU-1", price, inventory, false, At)
    {
        Description = "Stoneware Jug",
        Category = "KITCHEN",
        UnitOfMeasure = "PCS",
        WebEnabled = true,
        Brand = "Contoso",
    };

    private static ShopifyVariant Listed(string status = "ACTIVE", params string[] tags) =>
        new("gid://shopify/ProductVariant/1", "gid://shopify/Product/1", "gid://shopify/InventoryItem/1", "SKU-1", 20m, null, status) { Tags = tags, Vendor = "Contoso" };

    [Theory]
    [InlineData("BLK CTN T-SHIRT LRG", "Black Cotton T-Shirt Large")]
    [InlineData("SS WTR BTL 3PK", "Stainless Water Bottle Pack of 3")]
    [InlineData("NAT LTHR BKPK", "Natural Leather Backpack")]
    [InlineData("Ceramic Mug", "Ceramic Mug")]
    public void office_shorthand_is_expanded_into_a_title(string description, string title) =>
        Assert.Equal(title, ProductPlan.Title(description, Rules));

    [Theory]
    [InlineData("2023-05-01", "", "Northwind", "Northwind")]
    [InlineData("2023-05-01", "Litware", "Northwind", "Litware")]
    [InlineData("2025-01-10", "", "Northwind", null)]
    [InlineData("2025-01-10", "Litware", "", "Litware")]
    public void the_brand_falls_back_to_description_2_only_for_items_created_before_the_upgrade(string created, string brand, string description2, string? expected)
    {
        var item = Item() with { Brand = brand, Description2 = description2, CreatedAt = DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(expected, ProductPlan.Brand(item, Rules));
    }

    [Theory]
    [InlineData("EA", "piece")]
    [InlineData("ea.", "piece")]
    [InlineData("Pcs", "piece")]
    [InlineData("STK", "piece")]
    public void office_unit_codes_map_to_the_unit_the_shop_sells_by(string code, string unit) =>
        Assert.Equal(unit, ProductPlan.Unit(Item() with { UnitOfMeasure = code }, Rules));

    [Fact]
    public void an_unknown_unit_code_is_a_data_error() =>
        Assert.Contains("'BARREL'", Assert.Throws<DataErrorException>(() => ProductPlan.Unit(Item() with { UnitOfMeasure = "BARREL" }, Rules)).Message, StringComparison.Ordinal);

    [Fact]
    public void a_new_item_missing_brand_and_price_is_created_as_a_draft()
    {
        var product = ProductPlan.New(Item(price: 0m) with { Brand = string.Empty }, Rules, "gid://shopify/Location/1", 10)!;
        Assert.Equal("DRAFT", product.Status);
        Assert.Contains("a brand and a price", ProductPlan.DraftMessage("SKU-1", ProductPlan.Content(Item(price: 0m) with { Brand = string.Empty }, Rules)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "", 10)]
    [InlineData(false, "DISC", 10)]
    [InlineData(false, "EOL", 0)]
    public void blocked_discontinued_or_sold_off_items_are_never_created(bool blocked, string code, int stock) =>
        Assert.Null(ProductPlan.New(Item(inventory: stock) with { Blocked = blocked, LifecycleCode = code }, Rules, "gid://shopify/Location/1", stock));

    [Fact]
    public void a_blocked_item_is_archived_and_loses_the_engine_flags_but_keeps_the_merchants()
    {
        var change = ProductPlan.Decide(Item() with { Blocked = true }, Listed("ACTIVE", "Kitchen", "low-stock"), Rules, 3)!;
        Assert.Equal("ARCHIVED", change.Status);
        Assert.Equal(["Kitchen"], change.Tags);
    }

    [Fact]
    public void the_category_threshold_flags_low_stock_unless_the_item_has_its_own()
    {
        Assert.Equal(["low-stock"], ProductPlan.Decide(Item(), Listed(), Rules, 8)!.Tags);
        Assert.Null(ProductPlan.Decide(Item() with { LowStockThreshold = 5 }, Listed(), Rules, 8));
    }

    [Fact]
    public void an_end_of_line_item_is_marked_down_with_the_erp_price_as_compare_at() =>
        Assert.Equal((13.99m, 19.99m), ProductPlan.Pricing(Item(price: 19.99m), Lifecycle.EndOfLine, Rules));

    [Fact]
    public void backorders_are_allowed_only_for_active_items() =>
        Assert.Equal(
            ["CONTINUE", "DENY"],
            new[] { Lifecycle.Active, Lifecycle.EndOfLine }.Select(l => ProductPlan.InventoryPolicy(Item() with { AllowBackorder = true }, l)).ToArray());
}
