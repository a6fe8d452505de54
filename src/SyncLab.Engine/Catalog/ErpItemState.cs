using SyncLab.Engine.Connectors.BusinessCentral;

namespace SyncLab.Engine.Catalog;

/// <summary>
/// The full state of one ERP item at one version, as carried by every change: handlers never re-read
/// the source, so a redelivered or reordered change is harmless. The card fields come from the standard
/// item page, the web fields (web flag, brand, life-cycle code, restock date, backorders, low-stock
/// threshold, creation time) from the commerce connector's page.
/// </summary>
public sealed record ErpItemState(string Sku, string Number, decimal UnitPrice, decimal Inventory, bool Blocked, DateTimeOffset ModifiedAt)
{
    /// <summary>Versions sort as strings: zero-padded UTC ticks of the ERP's lastModifiedDateTime.</summary>
    public string Version => Pipeline.WorkQueue.Version(ModifiedAt);

    public string Description { get; init; } = string.Empty;

    public string Description2 { get; init; } = string.Empty;

    public string Category { get; init; } = string.Empty;

    public string UnitOfMeasure { get; init; } = string.Empty;

    public string Gtin { get; init; } = string.Empty;

    public bool WebEnabled { get; init; }

    public string Brand { get; init; } = string.Empty;

    public string LifecycleCode { get; init; } = string.Empty;

    /// <summary>When stock is expected back; null when the ERP's date is blank.</summary>
    public DateOnly? RestockDate { get; init; }

    public bool AllowBackorder { get; init; }

    /// <summary>The item's own low-stock threshold; 0 leaves it to the category.</summary>
    public int LowStockThreshold { get; init; }

    /// <summary>The first day of the item's selling season (the merchant's calendar); null: no season.</summary>
    public DateOnly? SeasonStart { get; init; }

    /// <summary>The last day of the item's selling season; null: the season does not end.</summary>
    public DateOnly? SeasonEnd { get; init; }

    /// <summary>
    /// Outside its selling season at the instant the change is applied (set by the products process from the
    /// business clock, never captured): the product is archived until the season comes round.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool OffSeason { get; init; }

    /// <summary>When the ERP card was created; null when the ERP does not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the engine needs that the ERP's answer lacked (API drift): their values above are 0 and must not be used.</summary>
    public IReadOnlyList<string> MissingFields { get; init; } = [];

    /// <summary>Fields the ERP answered that the engine does not know (where a renamed field may have gone).</summary>
    public IReadOnlyList<string> NewFields { get; init; } = [];

    public static ErpItemState From(BcItem item, BcWebItem? web = null) =>
        new(SkuRules.Canonical(item.Number), item.Number, item.UnitPrice ?? 0, item.Inventory ?? 0, item.Blocked, item.LastModifiedDateTime)
        {
            MissingFields = ApiDrift.Missing(item),
            NewFields = ApiDrift.New(item),
            Description = item.DisplayName,
            Description2 = item.DisplayName2 ?? string.Empty,
            Category = item.ItemCategoryCode ?? string.Empty,
            UnitOfMeasure = item.BaseUnitOfMeasureCode ?? string.Empty,
            Gtin = item.Gtin ?? string.Empty,
            WebEnabled = web?.WebEnabled ?? false,
            Brand = web?.Brand ?? string.Empty,
            LifecycleCode = web?.LifecycleCode ?? string.Empty,
            RestockDate = web?.RestockDate is { } d && d > DateOnly.MinValue ? d : null,
            AllowBackorder = web?.AllowBackorder ?? false,
            LowStockThreshold = web?.LowStockThreshold ?? 0,
            CreatedAt = web?.SystemCreatedAt,
            SeasonStart = web?.SeasonStartDate is { } s && s > DateOnly.MinValue ? s : null,
            SeasonEnd = web?.SeasonEndDate is { } e && e > DateOnly.MinValue ? e : null,
        };
}

/// <summary>How the legacy ERP's item numbers become the SKU every other system knows.</summary>
public static class SkuRules
{
    /// <summary>The office keys numbers with trailing spaces and in any case; the canonical SKU is trimmed upper case.</summary>
    public static string Canonical(string number) => number.Trim().ToUpperInvariant();
}
