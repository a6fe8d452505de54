using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// A product as one request sees it, loaded whole (variants, levels, locations) by <see cref="CatalogReader"/>
/// so that nested GraphQL fields are plain property reads and never query the store again.
/// </summary>
public sealed class ProductNode(ProductRecord row)
{
    public ProductRecord Row { get; } = row;

    public List<VariantNode> Variants { get; } = [];

    /// <summary>Available units over every location and variant: what the shop can sell now.</summary>
    public int TotalAvailable => Variants.Sum(v => v.Available);
}

/// <summary>A variant; it also stands for its inventory item (Shopify keeps the two one-to-one).</summary>
public sealed class VariantNode(VariantRecord row, ProductNode product)
{
    public VariantRecord Row { get; } = row;

    public ProductNode Product { get; } = product;

    public List<LevelNode> Levels { get; } = [];

    public int Available => Levels.Sum(l => l.Row.Available);
}

public sealed class LevelNode(InventoryLevelRecord row, LocationRecord location, VariantNode item)
{
    public InventoryLevelRecord Row { get; } = row;

    public LocationRecord Location { get; } = location;

    public VariantNode Item { get; } = item;
}

/// <summary>Shopify's quantity names and how each is read from a level.</summary>
public static class QuantityNames
{
    public const string Available = "available";
    public const string OnHand = "on_hand";

    public static IReadOnlyList<string> All { get; } =
        ["available", "committed", "damaged", "incoming", "on_hand", "quality_control", "reserved", "safety_stock"];

    public static int? Read(InventoryLevelRecord level, string name) => name switch
    {
        "available" => level.Available,
        "committed" => level.Committed,
        "damaged" => level.Damaged,
        "incoming" => level.Incoming,
        "on_hand" => level.OnHand,
        "quality_control" => level.QualityControl,
        "reserved" => level.Reserved,
        "safety_stock" => level.SafetyStock,
        _ => null,
    };
}
