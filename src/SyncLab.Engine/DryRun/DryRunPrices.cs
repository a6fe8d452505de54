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
/// The price an item's storefront variant shows at an instant, decided the way the engine decides it on the way there:
/// a price list line in effect then decides (<see cref="PriceListPlan.PriceAt"/>, as <see cref="EffectivePriceProcess"/>
/// applies it at the list's start); when a list boundary falls between now and then but none is in effect, the item card
/// price without compare-at (as the effective-prices process sets it when a list ends); otherwise the item card as the
/// prices process decides it (<see cref="PricePlan.Decide"/>: clearance markdown with compare-at). A pure decision.
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
        ErpItemState item, ShopifyVariant current, Lifecycle lifecycle, CatalogRules rules, IReadOnlyList<EffectivePrice> lines, DateTimeOffset now, DateTimeOffset at)
    {
        var deciding = PriceListPlan.Deciding(lines, at);
        var boundaryOnTheWay = lines.SelectMany(l => new[] { (DateTimeOffset?)l.Starts, l.Ends }).Any(b => b > now && b <= at);
        if (deciding is null && !boundaryOnTheWay)
        {
            return new DryRunPrice(PricePlan.Decide(item, current, lifecycle, rules), DryRunSource.Card);
        }
        ApiDrift.Ensure(item, "prices", ApiDrift.UnitPrice);
        var price = PriceListPlan.PriceAt(lines, item.UnitPrice, at);
        if (price.Price < 0)
        {
            throw new DataErrorException($"{item.Sku}: the {price.Source} price {price.Price} is negative");
        }
        var source = deciding is null ? DryRunSource.Card : new DryRunSource(DryRunSource.PriceList, deciding.ListCode, deciding.Starts);
        var change = current.Price == price.Price && current.CompareAtPrice == price.CompareAtPrice
            ? null
            : new PriceChange(item.Sku, current.Price, price.Price, price.CompareAtPrice);
        return new DryRunPrice(change, source);
    }
}
