using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Tests.Plans;

/// <summary>The POS catalog plan: what the till gets for an ERP item (new, price, hidden, back), and the web stock hand-off's instant.</summary>
public sealed class PosCatalogPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CatalogRules Rules = CatalogRules.Default;

    private static ErpItemState Item(decimal price = 20m, bool web = true, bool blocked = false, string lifecycle = "") => new("SKU-1", "SKU-1", price, 10m, blocked, At)
    {
        Description = "SS WTR BTL 3PK",
        UnitOfMeasure = "PCS",
        WebEnabled = web,
        Brand = "Contoso",
        LifecycleCode = lifecycle,
    };

    private static SquareCatalogItem Till(decimal price = 20m, bool archived = false) => new("ITEM1", "VAR1", 7, "SKU-1", "Water Bottle", price, "USD", archived);

    [Fact]
    public void a_new_web_item_is_created_at_the_till_with_its_title_price_and_the_sellers_currency()
    {
        var write = PosCatalogPlan.Decide(Item(19.9m), null, Rules, "USD");

        Assert.Equal(new SquareItemWrite("SKU-1", "Stainless Water Bottle Pack of 3", 19.9m, "USD", false), write);
    }

    [Theory]
    [InlineData(false, false, "", 20)]
    [InlineData(true, true, "", 20)]
    [InlineData(true, false, "DISC", 20)]
    [InlineData(true, false, "", 0)]
    public void no_item_is_created_off_the_web_permanently_out_or_without_a_price(bool web, bool blocked, string lifecycle, int price) =>
        Assert.Null(PosCatalogPlan.Decide(Item(price, web, blocked, lifecycle), null, Rules, "USD"));

    [Fact]
    public void an_existing_item_follows_the_erp_price_and_nothing_is_written_when_it_already_has_it()
    {
        Assert.Equal(25m, PosCatalogPlan.Decide(Item(25m), Till(20m), Rules, "USD")!.Price);
        Assert.Null(PosCatalogPlan.Decide(Item(20m), Till(20m), Rules, "USD"));
    }

    [Fact]
    public void taking_an_item_off_the_web_leaves_it_on_the_till_and_end_of_line_sells_at_the_erp_price()
    {
        Assert.Null(PosCatalogPlan.Decide(Item(20m, web: false), Till(20m), Rules, "USD"));
        Assert.Null(PosCatalogPlan.Decide(Item(20m, lifecycle: "EOL"), Till(20m), Rules, "USD"));
    }

    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "DISC")]
    [InlineData(false, "dc")]
    public void a_permanently_out_item_is_archived_at_the_price_it_had_and_then_left_alone(bool blocked, string lifecycle)
    {
        var write = PosCatalogPlan.Decide(Item(99m, blocked: blocked, lifecycle: lifecycle), Till(20m), Rules, "USD");

        Assert.True(write!.Archived);
        Assert.Equal(20m, write.Price);
        Assert.Null(PosCatalogPlan.Decide(Item(99m, blocked: blocked, lifecycle: lifecycle), Till(20m, archived: true), Rules, "USD"));
    }

    [Fact]
    public void cleared_the_item_is_back_at_the_till_at_todays_price()
    {
        var write = PosCatalogPlan.Decide(Item(35m), Till(20m, archived: true), Rules, "USD");

        Assert.False(write!.Archived);
        Assert.Equal(35m, write.Price);
        Assert.Equal("POS item SKU-1 back at the till at 35.00", PosCatalogPlan.Describe(write));
    }

    [Fact]
    public void a_negative_price_or_an_unknown_life_cycle_code_is_a_data_error()
    {
        Assert.Throws<DataErrorException>(() => PosCatalogPlan.Decide(Item(-1m), Till(), Rules, "USD"));
        Assert.Throws<DataErrorException>(() => PosCatalogPlan.Decide(Item(lifecycle: "ZZ9"), Till(), Rules, "USD"));
    }

    [Fact]
    public void a_price_list_sets_only_the_price_of_an_item_the_till_sells()
    {
        Assert.Equal(26m, PosCatalogPlan.PriceInEffect(Till(20m), 26m)!.Price);
        Assert.Null(PosCatalogPlan.PriceInEffect(Till(26m), 26m));
        Assert.Null(PosCatalogPlan.PriceInEffect(Till(20m, archived: true), 26m));
        Assert.Null(PosCatalogPlan.PriceInEffect(null, 26m));
    }

    [Theory]
    [InlineData("0639001980000000000")]
    [InlineData("0639001980000000000.000000000042")]
    public void web_stock_is_counted_at_the_instant_its_version_begins_with(string version) =>
        Assert.Equal(new DateTimeOffset(639001980000000000, TimeSpan.Zero), PosWebStockProcess.InstantOf(version));
}
