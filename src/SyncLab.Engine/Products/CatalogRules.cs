using SyncLab.Engine.Mapping;

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
/// The catalogue mapping of one estate, as configuration: field mappings with fallbacks and transforms, the
/// office's code tables, validation rules, what a product needs before it goes live, low-stock thresholds and the
/// clearance markdown. Every table is keyed case-insensitively and trimmed, because the office types codes as it
/// likes. A mapping file (<see cref="MappingFile"/>) loads into one; what the file leaves out stays as here.
/// </summary>
public sealed record CatalogRules
{
    /// <summary>Business Central's code fields (unit of measure, the life-cycle code) are Code[10]: a longer code can never match.</summary>
    /// <summary>Business Central's <c>County</c> (the state) is Text[30].</summary>
    public const int StateLength = 30;

    public const int ErpCodeLength = 10;

    /// <summary>Item category codes are Code[20].</summary>
    public const int ErpCategoryLength = 20;

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
        // Not "DISCONTINUED": twelve characters, which the ERP's Code[10] field cannot hold.
        ["DISC"] = Lifecycle.Discontinued, ["DISCONT"] = Lifecycle.Discontinued, ["DC"] = Lifecycle.Discontinued,
    };

    /// <summary>
    /// The office's country codes (BC <c>Country/Region Code</c>, Code[10]) and the ISO 3166 two-letter code the storefront
    /// takes (Shopify's <c>CountryCode</c>): legacy codes such as "UK" for "GB", and what a blank country means ("" → the
    /// merchant's home country, when the file says so). A two-letter code not in here is taken as it is; anything else
    /// is a data error on the customer.
    /// </summary>
    public IReadOnlyDictionary<string, string> Countries { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["UK"] = "GB",
    };

    /// <summary>
    /// The office's state names and abbreviations (BC <c>County</c>, Text[30]) and the province code the storefront takes
    /// (Shopify's <c>provinceCode</c>): by default the US states and DC by name ("Oregon" → OR); the mapping file adds the
    /// office's own ("Ore.": OR). A state not in here is sent as it is, upper-cased (a code such as "or" is OR).
    /// </summary>
    public IReadOnlyDictionary<string, string> States { get; init; } = UsStates;

    /// <summary>The US states and the District of Columbia by name.</summary>
    public static IReadOnlyDictionary<string, string> UsStates { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA", ["Colorado"] = "CO",
        ["Connecticut"] = "CT", ["Delaware"] = "DE", ["District of Columbia"] = "DC", ["Florida"] = "FL", ["Georgia"] = "GA",
        ["Hawaii"] = "HI", ["Idaho"] = "ID", ["Illinois"] = "IL", ["Indiana"] = "IN", ["Iowa"] = "IA", ["Kansas"] = "KS",
        ["Kentucky"] = "KY", ["Louisiana"] = "LA", ["Maine"] = "ME", ["Maryland"] = "MD", ["Massachusetts"] = "MA",
        ["Michigan"] = "MI", ["Minnesota"] = "MN", ["Mississippi"] = "MS", ["Missouri"] = "MO", ["Montana"] = "MT",
        ["Nebraska"] = "NE", ["Nevada"] = "NV", ["New Hampshire"] = "NH", ["New Jersey"] = "NJ", ["New Mexico"] = "NM",
        ["New York"] = "NY", ["North Carolina"] = "NC", ["North Dakota"] = "ND", ["Ohio"] = "OH", ["Oklahoma"] = "OK",
        ["Oregon"] = "OR", ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI", ["South Carolina"] = "SC", ["South Dakota"] = "SD",
        ["Tennessee"] = "TN", ["Texas"] = "TX", ["Utah"] = "UT", ["Vermont"] = "VT", ["Virginia"] = "VA", ["Washington"] = "WA",
        ["West Virginia"] = "WV", ["Wisconsin"] = "WI", ["Wyoming"] = "WY",
    };

    /// <summary>
    /// Where each product field comes from: ordered sources (the first non-blank value wins), each with a condition
    /// and transforms. A field not in here maps as in <see cref="DefaultFields"/>.
    /// </summary>
    public IReadOnlyDictionary<ProductField, IReadOnlyList<FieldSource>> Fields { get; init; } = DefaultFields;

    /// <summary>Title: the description, shorthand expanded; vendor: Brand, else Description 2 before the upgrade; product type: the category.</summary>
    public static IReadOnlyDictionary<ProductField, IReadOnlyList<FieldSource>> DefaultFields { get; } = new Dictionary<ProductField, IReadOnlyList<FieldSource>>
    {
        [ProductField.Title] = [new(ItemField.Description, [Transform.Trim, Transform.Shorthand])],
        [ProductField.Vendor] = [new(ItemField.Brand, [Transform.Trim]), new(ItemField.Description2, [Transform.Trim], BeforeUpgradeOnly: true)],
        [ProductField.ProductType] = [new(ItemField.Category, [Transform.Trim, Transform.TitleCase])],
    };

    /// <summary>Checks an item must pass before it becomes or changes a product; a failure is a data error on it.</summary>
    public IReadOnlyList<ValidationRule> Validations { get; init; } =
    [
        // Shopify takes any barcode; a GTIN with letters or a wrong length is the office's typo, not a product's.
        new("gtin", "the GTIN must be 8, 12, 13 or 14 digits") { Pattern = new System.Text.RegularExpressions.Regex(@"^(\d{8}|\d{12,14})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant) },
    ];

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
