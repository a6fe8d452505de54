using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Mapping;
using SyncLab.Engine.Products;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Mapping;

/// <summary>What a mapping file makes the plans decide: fallbacks, code tables, transforms and validation.</summary>
public sealed class MappingPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CatalogRules Messy = MappingFixtures.Load("messy-estate.yaml");
    private static readonly CatalogRules Seeded = MappingFixtures.Load("default-estate.yaml");

    private static ErpItemState Item(decimal price = 20m, string unit = "PCS") => new("SKU-1", "SKU-1", price, 10m, false, At)
    {
        Description = "Stoneware Jug",
        Category = "KITCHEN",
        UnitOfMeasure = unit,
        Gtin = "4000000000017",
        WebEnabled = true,
        Brand = "Contoso",
        CreatedAt = At,
    };

    private static ShopifyVariant Listed() =>
        new("gid://shopify/ProductVariant/1", "gid://shopify/Product/1", "gid://shopify/InventoryItem/1", "SKU-1", 20m, null, "ACTIVE") { Tags = [], Vendor = "Contoso" };

    [Theory]
    [InlineData("2022-11-30", "", "NORTHWIND  TRADERS", "Northwind Traders")]
    [InlineData("2022-11-30", " Litware ", "NORTHWIND", "Litware")]
    [InlineData("2023-06-01", "", "NORTHWIND", null)]
    public void the_vendor_falls_back_in_order_and_only_for_items_created_before_the_estates_upgrade(string created, string brand, string description2, string? vendor)
    {
        var item = Item() with { Brand = brand, Description2 = description2, CreatedAt = DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(vendor, ProductPlan.Brand(item, Messy));
    }

    [Fact]
    public void the_same_item_created_between_the_two_upgrades_keeps_its_description_2_brand_only_in_the_seeded_estate()
    {
        var item = Item() with { Brand = "", Description2 = "Fabrikam", CreatedAt = new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero) };

        Assert.Equal("Fabrikam", ProductPlan.Brand(item, Seeded));
        Assert.Null(ProductPlan.Brand(item, Messy));
    }

    [Theory]
    [InlineData("ZZ  BLK   WTR BTL", "Black Water Bottle")]
    [InlineData("SS CUT BRD LRG", "Stainless Cutting Board Large")]
    [InlineData("Zz top mug", "Zz top mug")]
    public void transforms_run_in_order_on_the_way_to_the_title(string description, string title) =>
        Assert.Equal(title, ProductPlan.Content(Item() with { Description = description }, Messy).Title);

    [Theory]
    [InlineData("KART", "box")]
    [InlineData(" paar ", "pair")]
    [InlineData("stk", "piece")]
    public void the_estates_unit_codes_decide_the_unit(string code, string unit) =>
        Assert.Equal(unit, ProductPlan.Unit(Item(unit: code), Messy));

    [Theory]
    [InlineData("PACK")]
    [InlineData("PC")]
    public void a_unit_code_only_the_built_in_table_knows_is_a_data_error_for_the_messy_estate(string code)
    {
        Assert.NotNull(ProductPlan.Unit(Item(unit: code), CatalogRules.Default));
        Assert.Throws<DataErrorException>(() => ProductPlan.Unit(Item(unit: code), Messy));
    }

    [Theory]
    [InlineData("AK", Lifecycle.Active)]
    [InlineData("al", Lifecycle.EndOfLine)]
    [InlineData("AB", Lifecycle.Discontinued)]
    [InlineData(" gs", Lifecycle.Discontinued)]
    public void the_estates_status_codes_decide_the_life_cycle(string code, Lifecycle lifecycle) =>
        Assert.Equal(lifecycle, ProductPlan.LifecycleOf(Item() with { LifecycleCode = code }, Messy));

    [Fact]
    public void the_estates_markdown_and_clearance_tag_apply_to_its_end_of_line_code()
    {
        var product = ProductPlan.New(Item(price: 30m) with { LifecycleCode = "AL" }, Messy, "gid://shopify/Location/1", available: 20)!;

        Assert.Equal((15.00m, 30m), (product.Price, product.CompareAtPrice));
        Assert.Contains("sale", product.Tags);
        Assert.True(Messy.OwnsTag("sale"));
    }

    [Fact]
    public void a_code_the_messy_estate_does_not_use_is_a_data_error_naming_it() =>
        Assert.Contains("'DISC'", Assert.Throws<DataErrorException>(() => ProductPlan.LifecycleOf(Item() with { LifecycleCode = "DISC" }, Messy)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("40000000001X")]
    [InlineData("400000000")]
    [InlineData("4000 0000 0001 7")]
    public void a_gtin_keyed_wrong_is_a_data_error_on_the_new_product(string gtin)
    {
        var error = Assert.Throws<DataErrorException>(() => ProductPlan.New(Item() with { Gtin = gtin }, Seeded, "gid://shopify/Location/1", 10));

        Assert.Equal($"SKU-1: the GTIN must be 8, 12, 13 or 14 digits (gtin '{gtin}' does not match ^(\\d{{8}}|\\d{{12,14}})$)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("40000001")]
    [InlineData("04000000000017")]
    public void a_blank_or_well_formed_gtin_passes(string gtin) =>
        Assert.NotNull(ProductPlan.New(Item() with { Gtin = gtin }, Seeded, "gid://shopify/Location/1", 10));

    [Fact]
    public void a_gtin_keyed_wrong_on_a_listed_item_stops_its_product_change_but_not_its_price()
    {
        var item = Item(price: 41m) with { Gtin = "TRAY-2" };

        Assert.Throws<DataErrorException>(() => ProductPlan.Decide(item, Listed(), Seeded, available: 0));
        Assert.Equal(41m, SyncLab.Engine.Prices.PricePlan.Decide(item, Listed(), ProductPlan.LifecycleOf(item, Seeded), Seeded)!.To);
    }

    [Fact]
    public void a_withdrawn_item_is_archived_whatever_its_gtin()
    {
        var change = ProductPlan.Decide(Item() with { Gtin = "JUG", Blocked = true }, Listed(), Seeded, available: 10);

        Assert.Equal(ProductPlan.Archived, change!.Status);
    }

    [Theory]
    [InlineData(0.49, "a wholesale price outside 0.50 to 5,000 is a typo (unitPrice 0.49 is below 0.50)")]
    [InlineData(5000.01, "a wholesale price outside 0.50 to 5,000 is a typo (unitPrice 5000.01 is above 5000)")]
    public void a_number_outside_the_estates_range_is_a_data_error(decimal price, string message) =>
        Assert.Equal($"SKU-1: {message}", Assert.Throws<DataErrorException>(() => ProductPlan.New(Item(price), Messy, "gid://shopify/Location/1", 10)).Message);

    [Fact]
    public void a_mapped_title_too_long_for_the_estates_theme_is_a_data_error_and_a_rule_without_a_message_describes_itself()
    {
        var longTitle = Item() with { Description = "Hand Thrown Stoneware Jug With A Very Long Name For The Shop's Theme" };
        Assert.Contains("title 'Hand Thrown", Assert.Throws<DataErrorException>(() => ProductPlan.Content(longTitle, Messy)).Message, StringComparison.Ordinal);

        var rules = MappingFile.Parse("mapping: 1\nvalidation:\n  - field: vendor\n    required: true\n", "estate.yaml");
        Assert.Equal("SKU-1: vendor '' is blank (a validation rule of the mapping)", Assert.Throws<DataErrorException>(() => ProductPlan.Content(Item() with { Brand = "" }, rules)).Message);
    }

    [Fact]
    public void the_staging_runs_the_seeded_estates_file() =>
        Assert.Equal(MappingFixtures.Describe(Seeded), MappingFixtures.Describe(StagingHost.DefaultMapping));
}
