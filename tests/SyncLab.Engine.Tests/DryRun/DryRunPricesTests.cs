using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.DryRun;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Tests.DryRun;

/// <summary>The price a dry run announces at an instant: whichever of the item card and the price lists writes it last.</summary>
public sealed class DryRunPricesTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly EffectivePrice Year2026 = new("WEB-2026", 30m, null, At(2026, 1, 1), At(2027, 1, 1), Published.AddDays(-300));
    private static readonly EffectivePrice Year2027 = new("WEB-2027", 20m, null, At(2027, 1, 1), null, Published);
    private static readonly EffectivePrice Sale = new("SALE", 15m, 20m, At(2027, 1, 10), At(2027, 1, 13), Published);
    private static readonly ShopifyVariant OnTheStore = new("gid://shopify/ProductVariant/1", "gid://shopify/Product/1", "gid://shopify/InventoryItem/1", "MUG-1", 30m, null, "ACTIVE");

    [Fact]
    public void next_years_list_decides_from_its_midnight_and_the_card_before()
    {
        var card = Card(30m, Published);

        Assert.Null(At(card, [Year2026, Year2027], At(2027, 1, 1).AddTicks(-1)).Change);
        var midnight = At(card, [Year2026, Year2027], At(2027, 1, 1));
        Assert.Equal(new PriceChange("MUG-1", 30m, 20m), midnight.Change);
        Assert.Equal(new DryRunSource(DryRunSource.PriceList, "WEB-2027", At(2027, 1, 1)), midnight.Source);
    }

    [Fact]
    public void a_sale_shows_its_compare_at_while_it_runs_and_the_list_below_it_after()
    {
        var card = Card(30m, Published);

        Assert.Equal(new PriceChange("MUG-1", 30m, 15m, 20m), At(card, [Year2027, Sale], At(2027, 1, 12)).Change);
        var after = At(card, [Year2027, Sale], At(2027, 1, 13));
        Assert.Equal(new PriceChange("MUG-1", 30m, 20m), after.Change);
        Assert.Equal("WEB-2027", after.Source.List);
    }

    [Fact]
    public void an_item_card_changed_after_the_lists_start_decides_until_the_next_boundary()
    {
        // The office changed the card today, long after this year's list started: the prices process wrote it last.
        var card = Card(33m, Published.AddHours(1));

        var now = At(card, [Year2026], Published.AddHours(2));
        Assert.Equal(new PriceChange("MUG-1", 30m, 33m), now.Change);
        Assert.Equal(DryRunSource.Card, now.Source);
        // At the year's end the list's end boundary writes the price in effect: the card's, without compare-at.
        var yearEnd = At(card, [Year2026], At(2027, 1, 1));
        Assert.Equal(new PriceChange("MUG-1", 30m, 33m), yearEnd.Change);
        Assert.Equal(DryRunSource.Card, yearEnd.Source);
    }

    [Fact]
    public void a_list_published_after_its_start_decides_from_its_publication()
    {
        var card = Card(30m, Published.AddDays(-1));
        var late = new EffectivePrice("LATE", 25m, null, At(2026, 11, 1), null, Published);

        Assert.Equal(Published, DryRunPrices.LastBoundaryWritten([late], Published.AddMinutes(1)));
        Assert.Equal(new PriceChange("MUG-1", 30m, 25m), At(card, [late], Published.AddMinutes(1)).Change);
    }

    [Fact]
    public void a_negative_list_price_is_a_data_error()
    {
        var negative = new EffectivePrice("BAD", -1m, null, At(2027, 1, 1), null, Published);

        Assert.Throws<DataErrorException>(() => At(Card(30m, Published), [negative], At(2027, 1, 1)));
    }

    private static DryRunPrice At(ErpItemState card, IReadOnlyList<EffectivePrice> lines, DateTimeOffset at) =>
        DryRunPrices.At(card, OnTheStore, Lifecycle.Active, CatalogRules.Default, lines, at);

    private static ErpItemState Card(decimal price, DateTimeOffset modified) => new("MUG-1", "MUG-1", price, 10m, false, modified);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 6, 0, 0, TimeSpan.Zero);
}
