using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Items;

/// <summary>A stock movement the office posts through an item journal.</summary>
internal sealed record StockMove(string LocationCode, decimal Quantity, string Reason, DateOnly? PostingDate = null);

/// <summary>What should change on an item card; null leaves a field as it is.</summary>
internal sealed record ItemEdit
{
    public string? DisplayName { get; init; }

    public string? DisplayName2 { get; init; }

    public string? Gtin { get; init; }

    public string? ItemCategoryCode { get; init; }

    public string? BaseUnitOfMeasureCode { get; init; }

    public string? Brand { get; init; }

    public bool? Blocked { get; init; }

    public bool? PriceIncludesTax { get; init; }

    public bool? WebEnabled { get; init; }

    public string? LifecycleCode { get; init; }

    public DateOnly? RestockDate { get; init; }

    public bool? AllowBackorder { get; init; }

    public int? LowStockThreshold { get; init; }

    /// <summary>The selling season's first and last day; <see cref="DateOnly.MinValue"/> blanks one.</summary>
    public DateOnly? SeasonStartDate { get; init; }

    public DateOnly? SeasonEndDate { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? UnitCost { get; init; }

    /// <summary>A new total: Business Central posts the difference as an adjustment, at no location.</summary>
    public decimal? Inventory { get; init; }

    public StockMove? Adjustment { get; init; }

    /// <summary>Applies the card fields (not stock) and says what changed, for the ledger.</summary>
    public IReadOnlyList<string> ApplyTo(ItemRecord item, int seed)
    {
        var changed = new List<string>();
        void Set<TValue>(string name, TValue? value, TValue current, Action<TValue> assign)
        {
            if (value is not null && !EqualityComparer<TValue>.Default.Equals(value, current))
            {
                assign(value);
                changed.Add($"{name}={value}");
            }
        }
        Set(nameof(DisplayName), DisplayName, item.DisplayName, v => item.DisplayName = v);
        Set(nameof(DisplayName2), DisplayName2, item.DisplayName2, v => item.DisplayName2 = v);
        Set(nameof(Gtin), Gtin, item.Gtin, v => item.Gtin = v);
        Set(nameof(Brand), Brand, item.Brand, v => item.Brand = v);
        Set(nameof(ItemCategoryCode), ItemCategoryCode, item.ItemCategoryCode, v =>
        {
            item.ItemCategoryCode = v;
            item.ItemCategoryId = StableIds.For(seed, "itemCategory", v);
        });
        Set(nameof(BaseUnitOfMeasureCode), BaseUnitOfMeasureCode, item.BaseUnitOfMeasureCode, v =>
        {
            item.BaseUnitOfMeasureCode = v;
            item.BaseUnitOfMeasureId = StableIds.For(seed, "unitOfMeasure", v);
        });
        if (Blocked is { } blocked && blocked != item.Blocked)
        {
            item.Blocked = blocked;
            changed.Add($"Blocked={blocked}");
        }
        if (PriceIncludesTax is { } includesTax && includesTax != item.PriceIncludesTax)
        {
            item.PriceIncludesTax = includesTax;
            changed.Add($"PriceIncludesTax={includesTax}");
        }
        if (WebEnabled is { } web && web != item.WebEnabled)
        {
            item.WebEnabled = web;
            changed.Add($"WebEnabled={web}");
        }
        Set(nameof(LifecycleCode), LifecycleCode, item.LifecycleCode, v => item.LifecycleCode = v);
        void SetDate(string name, DateOnly? value, DateOnly current, Action<DateOnly> assign)
        {
            if (value is { } day && day != current)
            {
                assign(day);
                changed.Add($"{name}={ODataJson.Date(day)}");
            }
        }
        SetDate(nameof(RestockDate), RestockDate, item.RestockDate, v => item.RestockDate = v);
        SetDate(nameof(SeasonStartDate), SeasonStartDate, item.SeasonStartDate, v => item.SeasonStartDate = v);
        SetDate(nameof(SeasonEndDate), SeasonEndDate, item.SeasonEndDate, v => item.SeasonEndDate = v);
        if (AllowBackorder is { } backorder && backorder != item.AllowBackorder)
        {
            item.AllowBackorder = backorder;
            changed.Add($"AllowBackorder={backorder}");
        }
        if (LowStockThreshold is { } threshold && threshold != item.LowStockThreshold)
        {
            item.LowStockThreshold = threshold;
            changed.Add($"LowStockThreshold={threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (UnitPrice is { } price && price != item.UnitPrice)
        {
            item.UnitPrice = price;
            changed.Add($"UnitPrice={price}");
        }
        if (UnitCost is { } cost && cost != item.UnitCost)
        {
            item.UnitCost = cost;
            changed.Add($"UnitCost={cost}");
        }
        return changed;
    }

    /// <summary>The stock movement this edit posts, if any: an explicit adjustment or the gap to a new total.</summary>
    public StockMove? MovementFor(ItemRecord item) => Adjustment
        ?? (Inventory is { } total && total != item.Inventory ? new StockMove(string.Empty, total - item.Inventory, "Inventory set through the API") : null);
}
