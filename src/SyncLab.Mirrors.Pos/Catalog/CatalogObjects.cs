using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Catalog;

/// <summary>Square <c>CatalogObject</c> (ITEM and ITEM_VARIATION are the types this mirror holds).</summary>
public sealed record CatalogObject
{
    public required string Type { get; init; }

    public required string Id { get; init; }

    public string? UpdatedAt { get; init; }

    public long? Version { get; init; }

    public bool? IsDeleted { get; init; }

    public bool? PresentAtAllLocations { get; init; }

    public CatalogItem? ItemData { get; init; }

    public CatalogItemVariation? ItemVariationData { get; init; }
}

public sealed record CatalogItem
{
    public string? Name { get; init; }

    public IReadOnlyList<CatalogObject>? Variations { get; init; }

    public string? ProductType { get; init; }

    public bool? IsArchived { get; init; }
}

public sealed record CatalogItemVariation
{
    public string? ItemId { get; init; }

    public string? Name { get; init; }

    public string? Sku { get; init; }

    public string? Upc { get; init; }

    public int? Ordinal { get; init; }

    public string? PricingType { get; init; }

    public Money? PriceMoney { get; init; }

    public bool? TrackInventory { get; init; }

    public bool? Sellable { get; init; }

    public bool? Stockable { get; init; }
}

/// <summary>Turns a stored catalog entry into the objects Square returns.</summary>
public static class CatalogObjects
{
    public const string ItemType = "ITEM";
    public const string VariationType = "ITEM_VARIATION";

    /// <summary>Every value of Square's <c>CatalogObjectType</c>; other names are a 400.</summary>
    public static IReadOnlySet<string> KnownTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ITEM", "IMAGE", "CATEGORY", "ITEM_VARIATION", "TAX", "DISCOUNT", "MODIFIER_LIST", "MODIFIER", "PRICING_RULE",
        "PRODUCT_SET", "TIME_PERIOD", "MEASUREMENT_UNIT", "SUBSCRIPTION_PLAN_VARIATION", "ITEM_OPTION", "ITEM_OPTION_VAL",
        "CUSTOM_ATTRIBUTE_DEFINITION", "QUICK_AMOUNTS_SETTINGS", "SUBSCRIPTION_PLAN", "AVAILABILITY_PERIOD",
    };

    public static CatalogObject Item(PosCatalogEntry e) => new()
    {
        Type = ItemType,
        Id = e.ItemId,
        UpdatedAt = SquareJson.Time(e.UpdatedAt),
        Version = e.Version,
        IsDeleted = false,
        PresentAtAllLocations = true,
        ItemData = new CatalogItem { Name = e.Name, Variations = [Variation(e)], ProductType = "REGULAR", IsArchived = e.IsArchived },
    };

    public static CatalogObject Variation(PosCatalogEntry e) => new()
    {
        Type = VariationType,
        Id = e.VariationId,
        UpdatedAt = SquareJson.Time(e.UpdatedAt),
        Version = e.Version,
        IsDeleted = false,
        PresentAtAllLocations = true,
        ItemVariationData = new CatalogItemVariation
        {
            ItemId = e.ItemId,
            Name = "Regular",
            Sku = e.Sku,
            Upc = e.Upc,
            Ordinal = 1,
            PricingType = "FIXED_PRICING",
            PriceMoney = new Money(e.PriceAmount, e.Currency),
            TrackInventory = true,
            Sellable = true,
            Stockable = true,
        },
    };

    /// <summary>The objects of <paramref name="e"/> in list order: the item, then its variation, each if asked for.</summary>
    public static IEnumerable<CatalogObject> Objects(PosCatalogEntry e, bool items, bool variations)
    {
        if (items)
        {
            yield return Item(e);
        }
        if (variations)
        {
            yield return Variation(e);
        }
    }
}
