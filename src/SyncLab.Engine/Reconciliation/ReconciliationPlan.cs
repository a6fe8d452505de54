using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Reconciliation;

/// <summary>The kinds of difference a reconciliation finds.</summary>
public static class DriftKind
{
    public const string Price = "price";
    public const string Stock = "stock";
    public const string PosStock = "pos-stock";
    public const string Status = "status";
    public const string Missing = "missing";
    public const string DataError = "data-error";
    public const string UnknownSku = "unknown-sku";
    public const string PosPrice = "pos-price";
    public const string PosHidden = "pos-hidden";

    /// <summary>Kinds the engine heals by queueing its normal process work; the others are only reported.</summary>
    public static bool Healable(string kind) => kind is Price or Stock or PosStock or Status or Missing or PosPrice or PosHidden;
}

/// <summary>
/// One difference between what the ERP says the storefront should show and what it shows. <paramref name="Heal"/> is
/// the process whose normal work fixes it (null: the engine cannot, see <paramref name="Reason"/>); <paramref name="PriceList"/>
/// names the price list in effect when the price comes from one; <paramref name="Location"/> the storefront location or
/// store of a stock finding.
/// </summary>
public sealed record Finding(string Sku, string Kind, string Found, string Expected, string? Heal, string Reason, string? PriceList = null, string? Location = null);

/// <summary>
/// Compares ERP truth with the storefront, item by item, with the same pure decisions the processes apply — so a
/// reconciliation never disagrees with the engine's own steady state:
/// status, tags and policy as <see cref="ProductPlan.Decide"/> (a withdrawn item must be archived; nothing else is
/// compared for it); the price as <see cref="PricePlan.Decide"/>, unless a price list took effect after the item card
/// last changed, in which case the price list in effect (<see cref="PriceListPlan.PriceAt"/>), as the effective-prices
/// process left it; stock as <see cref="StockPlan.AvailableToSell"/>. A web item the storefront does not list is
/// missing; a storefront SKU the ERP does not know, or an item whose data the mapping refuses, is reported, not healed.
/// </summary>
public static class ReconciliationPlan
{
    public static IReadOnlyList<Finding> Compare(
        IReadOnlyCollection<ErpItemState> items,
        IReadOnlyDictionary<string, IReadOnlyList<EffectivePrice>> priceLines,
        IReadOnlyCollection<ListedVariant> storefront,
        DateTimeOffset now,
        CatalogRules rules,
        int safetyStock,
        bool stockFromErp = true)
    {
        var findings = new List<Finding>();
        var listed = storefront.Where(v => v.Variant.Sku.Length > 0).GroupBy(v => v.Variant.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in items)
        {
            var variant = listed.GetValueOrDefault(item.Sku);
            if (variant is null && !item.WebEnabled)
            {
                continue;
            }
            try
            {
                findings.AddRange(CompareItem(item, variant, priceLines.GetValueOrDefault(item.Sku) ?? [], now, rules, safetyStock, stockFromErp));
            }
            catch (DataErrorException e)
            {
                findings.Add(new Finding(item.Sku, DriftKind.DataError, variant?.Variant.ProductStatus ?? "not listed", "a product the mapping can make", null, e.Message));
            }
        }
        var known = items.Select(i => i.Sku).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(listed.Values.Where(v => !known.Contains(v.Variant.Sku)).Select(v => new Finding(
            v.Variant.Sku, DriftKind.UnknownSku, v.Variant.ProductStatus, "an ERP item", null, $"{v.Variant.Sku}: listed on the storefront, but the ERP has no item with this SKU; left as it is")));
        return findings;
    }

    /// <summary>
    /// The till (Square) against the ERP, for every item the till sells: hidden (archived) exactly when the item is
    /// blocked or discontinued (<see cref="PosCatalogPlan.Hidden"/>), and, when not hidden, the ERP's price — the item
    /// card's, or the price list in effect when one took effect after the card last changed, as the POS legs set it (no
    /// clearance markdown: that is the web's). An item the mapping cannot read, or with a price the POS legs would not
    /// push (negative, or missing after an API change), is left to the data errors of the processes.
    /// </summary>
    public static IReadOnlyList<Finding> ComparePos(
        IReadOnlyList<ErpItemState> items, IReadOnlyDictionary<string, IReadOnlyList<EffectivePrice>> priceLines,
        IReadOnlyList<Connectors.Square.SquareCatalogItem> till, DateTimeOffset now, CatalogRules rules)
    {
        var findings = new List<Finding>();
        var bySku = items.GroupBy(i => i.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var current in till)
        {
            if (!bySku.TryGetValue(current.Sku, out var item) || item.UnitPrice < 0 || item.MissingFields.Contains(ApiDrift.UnitPrice))
            {
                continue;
            }
            Lifecycle lifecycle;
            try
            {
                lifecycle = ProductPlan.LifecycleOf(item, rules);
            }
            catch (DataErrorException)
            {
                continue;
            }
            var hidden = PosCatalogPlan.Hidden(item, lifecycle);
            if (hidden != current.Archived)
            {
                findings.Add(new Finding(item.Sku, DriftKind.PosHidden, current.Archived ? "hidden at the till" : "sold at the till",
                    hidden ? "hidden at the till" : "sold at the till", PosCatalogProcess.ProcessName,
                    $"{item.Sku}: {(hidden ? "blocked or discontinued in the ERP" : "neither blocked nor discontinued in the ERP")}"));
                continue;
            }
            if (hidden)
            {
                continue;
            }
            var lines = priceLines.GetValueOrDefault(item.Sku) ?? [];
            if (PriceListTookEffectLast(item, lines, now))
            {
                var price = PriceListPlan.PriceAt(lines, item.UnitPrice, now).Price;
                if (price != current.Price)
                {
                    var code = lines.Where(l => l.IsInEffectAt(now)).OrderBy(l => l.Starts).Select(l => l.ListCode).LastOrDefault() ?? lines[^1].ListCode;
                    findings.Add(new Finding(item.Sku, DriftKind.PosPrice, Money(current.Price, null), Money(price, null), PosPriceListProcess.ProcessName,
                        $"{item.Sku}: the till price; price list {code} is in effect", code));
                }
            }
            else if (item.UnitPrice != current.Price)
            {
                findings.Add(new Finding(item.Sku, DriftKind.PosPrice, Money(current.Price, null), Money(item.UnitPrice, null), PosCatalogProcess.ProcessName,
                    $"{item.Sku}: the till price; the item card price"));
            }
        }
        return findings;
    }

    private static List<Finding> CompareItem(
        ErpItemState item, ListedVariant? listed, IReadOnlyList<EffectivePrice> lines, DateTimeOffset now, CatalogRules rules, int safetyStock, bool stockFromErp)
    {
        var findings = new List<Finding>();
        var lifecycle = ProductPlan.LifecycleOf(item, rules);
        var withdrawn = ProductPlan.Withdrawn(item, lifecycle);
        var available = StockPlan.AvailableToSell(item, safetyStock);
        if (listed is null)
        {
            if (!withdrawn && !item.OffSeason && !ProductPlan.SoldOff(lifecycle, available))
            {
                findings.Add(new Finding(item.Sku, DriftKind.Missing, "not listed", "listed", ProductProcess.ProcessName, $"{item.Sku}: a web item the storefront does not list"));
            }
            return findings;
        }
        var variant = listed.Variant;
        try
        {
            if (ProductPlan.Decide(item, variant, rules, available) is { } change)
            {
                var found = change.Status is null ? string.Join(' ', variant.Tags) : variant.ProductStatus;
                findings.Add(new Finding(item.Sku, DriftKind.Status, found, change.Summary, ProductProcess.ProcessName, $"{item.Sku}: {change.Summary}"));
            }
        }
        catch (DataErrorException e)
        {
            // The listing cannot be decided (e.g. a unit code the mapping lacks): reported; price and stock still compared.
            findings.Add(new Finding(item.Sku, DriftKind.DataError, variant.ProductStatus, "a product the mapping can make", null, e.Message));
        }
        if (withdrawn)
        {
            return findings;
        }
        if (PriceListTookEffectLast(item, lines, now))
        {
            var price = PriceListPlan.PriceAt(lines, item.UnitPrice, now);
            if (price.Price != variant.Price || price.CompareAtPrice != variant.CompareAtPrice)
            {
                var code = lines.Where(l => l.IsInEffectAt(now)).OrderBy(l => l.Starts).Select(l => l.ListCode).LastOrDefault() ?? lines[^1].ListCode;
                findings.Add(new Finding(item.Sku, DriftKind.Price, Money(variant.Price, variant.CompareAtPrice), Money(price.Price, price.CompareAtPrice), EffectivePriceProcess.ProcessName, $"{item.Sku}: the {price.Source} is in effect", code));
            }
        }
        else if (PricePlan.Decide(item, variant, lifecycle, rules) is { } price)
        {
            findings.Add(new Finding(item.Sku, DriftKind.Price, Money(price.From, variant.CompareAtPrice), Money(price.To, price.CompareAt), PriceProcess.ProcessName, $"{item.Sku}: the item card price"));
        }
        // With the warehouse and the stores as the stock source, ERP stock is not the truth: stock is not compared.
        if (stockFromErp && listed.Available != available)
        {
            findings.Add(new Finding(
                item.Sku, DriftKind.Stock, listed.Available?.ToString(CultureInfo.InvariantCulture) ?? "not stocked", available.ToString(CultureInfo.InvariantCulture),
                InventoryProcess.ProcessName, $"{item.Sku}: ERP stock less safety stock", Location: "web"));
        }
        return findings;
    }

    /// <summary>
    /// Whether the item's price comes from its price lists: the newest of them took effect (a start or end passed,
    /// or a list published with a date already passed) after the item card last changed. The later event wins, as in the engine.
    /// </summary>
    public static bool PriceListTookEffectLast(ErpItemState item, IReadOnlyList<EffectivePrice> lines, DateTimeOffset now) =>
        lines.Select(l => PriceListPlan.Missed(l, now)).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.MinValue).Max() > item.ModifiedAt;

    private static string Money(decimal price, decimal? compareAt) =>
        compareAt is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{price:0.00} (compare at {c:0.00})")
            : price.ToString("0.00", CultureInfo.InvariantCulture);
}
