namespace SyncLab.Engine.Products;

/// <summary>Where an item stands in its web life: the ERP's life-cycle codes map to one of these.</summary>
public enum Lifecycle
{
    /// <summary>Sold as usual.</summary>
    Active,

    /// <summary>End of line: sold off at a clearance price, no backorders, archived when sold out.</summary>
    EndOfLine,

    /// <summary>Permanently out: archived on the storefront, nothing more is pushed.</summary>
    Discontinued,
}

/// <summary>
/// The catalogue mapping of one estate, as configuration: field fallbacks, the office's code tables,
/// what a product needs before it goes live, low-stock thresholds and the clearance markdown. Every table
/// is keyed case-insensitively and trimmed, because the office types codes as it likes.
/// </summary>
public sealed record CatalogRules
{
    /// <summary>
    /// The ERP upgrade that added the Brand field: items created before it keep the brand in Description 2
    /// (brand: Brand, else Description 2 for items created before this date). Null: no fallback.
    /// </summary>
    public DateOnly? BrandUpgradeDate { get; init; } = new(2024, 7, 1);

    /// <summary>Office shorthand in descriptions (upper case, one or two words) and what it stands for.</summary>
    public IReadOnlyDictionary<string, string> Shorthand { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BLK"] = "Black", ["WHT"] = "White", ["GRY"] = "Grey", ["NAT"] = "Natural", ["CTN"] = "Cotton", ["SS"] = "Stainless",
        ["LTHR"] = "Leather", ["CER"] = "Ceramic", ["WTR BTL"] = "Water Bottle", ["BKPK"] = "Backpack", ["CUT BRD"] = "Cutting Board",
        ["NTBK"] = "Notebook", ["SML"] = "Small", ["MED"] = "Medium", ["LRG"] = "Large", ["ASST"] = "Assorted", ["3PK"] = "Pack of 3",
    };

    /// <summary>The office's unit codes and the unit the shop sells by; a code not in here is a data error.</summary>
    public IReadOnlyDictionary<string, string> UnitsOfMeasure { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PCS"] = "piece", ["PC"] = "piece", ["EA"] = "piece", ["EA."] = "piece", ["STK"] = "piece", ["EACH"] = "piece",
        ["PACK"] = "pack", ["PK"] = "pack", ["SET"] = "set",
    };

    /// <summary>The office's life-cycle codes (blank is active); a code not in here is a data error.</summary>
    public IReadOnlyDictionary<string, Lifecycle> LifecycleCodes { get; init; } = new Dictionary<string, Lifecycle>(StringComparer.OrdinalIgnoreCase)
    {
        [""] = Lifecycle.Active, ["ACT"] = Lifecycle.Active, ["ACTIVE"] = Lifecycle.Active,
        ["EOL"] = Lifecycle.EndOfLine, ["END"] = Lifecycle.EndOfLine, ["CLR"] = Lifecycle.EndOfLine, ["CLEARANCE"] = Lifecycle.EndOfLine,
        ["DISC"] = Lifecycle.Discontinued, ["DISCONT"] = Lifecycle.Discontinued, ["DC"] = Lifecycle.Discontinued, ["DISCONTINUED"] = Lifecycle.Discontinued,
    };

    /// <summary>Low-stock thresholds per ERP item category; an item's own threshold wins.</summary>
    public IReadOnlyDictionary<string, int> LowStockByCategory { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The threshold of items whose category has none (0: never flagged).</summary>
    public int DefaultLowStockThreshold { get; init; }

    /// <summary>End-of-line items sell at the ERP price less this share; the ERP price becomes the compare-at price.</summary>
    public decimal ClearanceMarkdown { get; init; } = 0.30m;

    /// <summary>The lowest price a product may go live at; below it, it stays a draft.</summary>
    public decimal MinimumPrice { get; init; } = 0.01m;

    public string LowStockTag { get; init; } = "low-stock";

    public string ClearanceTag { get; init; } = "clearance";

    public string BackSoonTag { get; init; } = "back-soon";

    public string PreorderTag { get; init; } = "preorder";

    /// <summary>Tag carrying the restock date: <c>restock:2026-12-14</c>.</summary>
    public string RestockTagPrefix { get; init; } = "restock:";

    public static CatalogRules Default { get; } = new();

    /// <summary>Whether a storefront tag is one the engine owns (set and removed by it; every other tag is the merchant's).</summary>
    public bool OwnsTag(string tag) =>
        string.Equals(tag, LowStockTag, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tag, ClearanceTag, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tag, BackSoonTag, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tag, PreorderTag, StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith(RestockTagPrefix, StringComparison.OrdinalIgnoreCase);
}
