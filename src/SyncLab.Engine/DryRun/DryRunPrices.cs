using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.DryRun;

/// <summary>What decides a storefront price in a dry run: a price list (its code and the instant it starts) or the item card.</summary>
public sealed record DryRunSource(string Kind, string? List = null, DateTimeOffset? Starts = null)
{
    public const string PriceList = "price list";
    public const string ItemCard = "item card";

    public static readonly DryRunSource Card = new(ItemCard);
}

/// <summary>The storefront price a dry run announces for an item at an instant, and what decides it.</summary>
public sealed record DryRunPrice(PriceChange? Change, DryRunSource Source);

/// <summary>
/// The price an item's storefront variant shows at an instant, decided the way the engine gets there: whichever writes
/// the price last wins. The prices process writes the item card's price (<see cref="PricePlan.Decide"/>: clearance
/// markdown with compare-at) whenever the item changes; the effective-prices process writes the price in effect
/// (<see cref="PriceListPlan.PriceAt"/>: the latest-starting line in effect, else the item card without compare-at) at
/// each list boundary, or at once for a boundary already passed when its line was published
/// (<see cref="PriceListPlan.Missed"/>). So when the item changed after every boundary up to the instant, the card decides;
/// otherwise the price lists do. A pure decision.
/// </summary>
public static class DryRunPrices
{
    /// <summary>Every line per canonical SKU, with its window as instants in its list's time zone.</summary>
    public static Dictionary<string, List<EffectivePrice>> LinesBySku(IEnumerable<BcPriceListLine> lines, IReadOnlyList<BcPriceList> lists, TimeZoneInfo merchantZone)
    {
        var zones = lists.ToDictionary(l => l.Id, l => EffectiveDates.Zone(l.TimeZone, merchantZone.Id));
        var bySku = new Dictionary<string, List<EffectivePrice>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var sku = SkuRules.Canonical(line.ItemNumber);
            if (!bySku.TryGetValue(sku, out var list))
            {
                bySku[sku] = list = [];
            }
            list.Add(EffectivePrice.From(line, zones.GetValueOrDefault(line.PriceListId) ?? merchantZone));
        }
        return bySku;
    }

    public static DryRunPrice At(
        ErpItemState item, ShopifyVariant current, Lifecycle lifecycle, CatalogRules rules, IReadOnlyList<EffectivePrice> lines, DateTimeOffset at)
    {
        if (LastBoundaryWritten(lines, at) is not { } boundary || boundary <= item.ModifiedAt)
        {
            return new DryRunPrice(PricePlan.Decide(item, current, lifecycle, rules), DryRunSource.Card);
        }
        ApiDrift.Ensure(item, "prices", ApiDrift.UnitPrice);
        var price = PriceListPlan.PriceAt(lines, item.UnitPrice, at);
        if (price.Price < 0)
        {
            throw new DataErrorException($"{item.Sku}: the {price.Source} price {price.Price} is negative");
        }
        var deciding = PriceListPlan.Deciding(lines, at);
        var source = deciding is null ? DryRunSource.Card : new DryRunSource(DryRunSource.PriceList, deciding.ListCode, deciding.Starts);
        var change = current.Price == price.Price && current.CompareAtPrice == price.CompareAtPrice
            ? null
            : new PriceChange(item.Sku, current.Price, price.Price, price.CompareAtPrice);
        return new DryRunPrice(change, source);
    }

    /// <summary>
    /// When the effective-prices process last writes the item's price up to <paramref name="at"/>: of the lines'
    /// boundaries not after it, the latest, each at the earliest when its line was published. Null: never.
    /// </summary>
    public static DateTimeOffset? LastBoundaryWritten(IEnumerable<EffectivePrice> lines, DateTimeOffset at) =>
        lines.SelectMany(l => new[] { (DateTimeOffset?)l.Starts, l.Ends }.OfType<DateTimeOffset>().Where(b => b <= at).Select(b => b > l.ModifiedAt ? b : l.ModifiedAt))
            .Select(b => (DateTimeOffset?)b)
            .Max();
}
