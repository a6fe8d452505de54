namespace SyncLab.Engine.Inventory;

/// <summary>Where the storefront's available-to-sell comes from.</summary>
public enum StockSource
{
    /// <summary>The ERP item's inventory, less the safety stock (the engine's first source; the default).</summary>
    Erp,

    /// <summary>The warehouse's available stock plus the stores' stock offered to the web, less safety stock and open reservations.</summary>
    WmsAndPos,
}

/// <summary>
/// Which stock one storefront location sells: the ShipStation inventory warehouses and the Square store
/// locations (by name, any case) whose stock counts. No warehouses listed: every warehouse.
/// </summary>
public sealed record StockLocation
{
    /// <summary>The storefront location (by name); null: the web location (<see cref="EngineOptions.StorefrontLocation"/>, else the first).</summary>
    public string? StorefrontLocation { get; init; }

    /// <summary>ShipStation inventory warehouses feeding this location; empty: every warehouse.</summary>
    public IReadOnlyList<string> Warehouses { get; init; } = [];

    /// <summary>Square locations (stores) whose stock is offered to the web; empty: none.</summary>
    public IReadOnlyList<string> Stores { get; init; } = [];
}

/// <summary>Units held back from the web: per SKU, else per item category, else the default.</summary>
public sealed record SafetyStockRules
{
    public int Default { get; init; }

    public IReadOnlyDictionary<string, int> ByCategory { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, int> BySku { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The safety stock of one SKU: its own, else its category's, else the default.</summary>
    public int For(string sku, string? category) =>
        BySku.TryGetValue(sku, out var own) ? own
        : category is not null && ByCategory.TryGetValue(category, out var byCategory) ? byCategory
        : Default;
}

/// <summary>
/// The inventory process's configuration (<see cref="EngineOptions.Inventory"/>): the source and, for
/// <see cref="StockSource.WmsAndPos"/>, the storefront locations with their warehouses and stores, and the safety stock.
/// The office may change it at run time (<c>PUT /engine/inventory/settings</c>) without a restart.
/// </summary>
public sealed record InventoryOptions
{
    public StockSource Source { get; init; } = StockSource.Erp;

    public IReadOnlyList<StockLocation> Locations { get; init; } = [new StockLocation()];

    public SafetyStockRules SafetyStock { get; init; } = new();

    /// <summary>
    /// Square locations (stores, by name) that sell the web's stock: their IN_STOCK count is set to the storefront's
    /// available quantity whenever it is planned (<see cref="PosWebStockProcess"/>); empty (the default): none.
    /// A store offered to the web (<see cref="StockLocation.Stores"/>) cannot also sell web stock.
    /// </summary>
    public IReadOnlyList<string> StoresSellingWebStock { get; init; } = [];
}
