namespace SyncLab.Estate;

/// <summary>One business, generated once from a seed; each mirror loads its own view of it.</summary>
public sealed record BusinessEstate(
    EstateOptions Options,
    IReadOnlyList<Item> Items,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<StockLevel> Stock,
    IReadOnlyList<PriceList> PriceLists,
    IReadOnlyList<Customer> Customers);

/// <summary>An ERP item as the legacy ERP really holds it, quirks included (see docs/estate.md).</summary>
public sealed record Item
{
    /// <summary>The ERP's "No." exactly as keyed: may carry trailing spaces or lower case (SKU drift).</summary>
    public required string Number { get; init; }

    /// <summary>The canonical SKU (trimmed, upper case): what every other system knows the item by.</summary>
    public required string Sku { get; init; }

    public required string Description { get; init; }

    /// <summary>Vestigial before the upgrade: items created before <see cref="EstateOptions.UpgradeDate"/> keep the brand here.</summary>
    public string Description2 { get; init; } = string.Empty;

    /// <summary>The proper brand field, filled only for items created after the upgrade.</summary>
    public string Brand { get; init; } = string.Empty;

    public required string BaseUnitOfMeasure { get; init; }

    public required string Gtin { get; init; }

    public required string Category { get; init; }

    public required decimal UnitPrice { get; init; }

    public required decimal UnitCost { get; init; }

    public bool Blocked { get; init; }

    public bool WebEnabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

public enum LocationKind
{
    Warehouse,
    Store,
}

public sealed record Location(string Code, string Name, LocationKind Kind, string TimeZone, string City);

/// <summary>Stock of one SKU at one location as the ERP books it (may be negative: legacy data).</summary>
public sealed record StockLevel(string Sku, string LocationCode, int Quantity);

public sealed record PriceList(string Code, string Currency, DateOnly StartsOn, DateOnly? EndsOn, string TimeZone, IReadOnlyList<PriceListLine> Lines);

public sealed record PriceListLine(string Sku, decimal UnitPrice, decimal? CompareAtPrice);

public sealed record Customer(
    string Number,
    string Name,
    string Email,
    string Phone,
    string Address,
    string City,
    string PostalCode,
    string Country,
    bool AcceptsMarketing,
    string PriceGroup);
