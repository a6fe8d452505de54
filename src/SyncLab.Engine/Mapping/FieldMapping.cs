using SyncLab.Engine.Catalog;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Mapping;

/// <summary>The ERP item fields a mapping may read (the standard item page and the commerce connector's web page).</summary>
public enum ItemField
{
    Number,
    Description,
    Description2,
    Brand,
    Category,
    UnitOfMeasure,
    Gtin,
    LifecycleCode,
}

/// <summary>The storefront product fields the mapping fills from ERP item fields.</summary>
public enum ProductField
{
    /// <summary>The product's title.</summary>
    Title,

    /// <summary>The product's vendor (the brand); without one a new product stays a draft.</summary>
    Vendor,

    /// <summary>The product type (also its first tag).</summary>
    ProductType,
}

/// <summary>
/// One source of a product field: an ERP item field, only for items created before the ERP upgrade when
/// <see cref="BeforeUpgradeOnly"/>, made presentable by <see cref="Transforms"/> in order. A field's sources are
/// tried in order; the first that yields a non-blank value wins.
/// </summary>
public sealed record FieldSource(ItemField From, IReadOnlyList<Transform> Transforms, bool BeforeUpgradeOnly = false)
{
    public static string Read(ErpItemState item, ItemField field) => field switch
    {
        ItemField.Number => item.Number,
        ItemField.Description => item.Description,
        ItemField.Description2 => item.Description2,
        ItemField.Brand => item.Brand,
        ItemField.Category => item.Category,
        ItemField.UnitOfMeasure => item.UnitOfMeasure,
        ItemField.Gtin => item.Gtin,
        ItemField.LifecycleCode => item.LifecycleCode,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>This source's value for the item; null when its condition does not hold.</summary>
    public string? Value(ErpItemState item, CatalogRules rules)
    {
        if (BeforeUpgradeOnly && !CreatedBeforeUpgrade(item, rules))
        {
            return null;
        }
        return Transforms.Aggregate(Read(item, From), (value, transform) => transform.Apply(value, rules));
    }

    /// <summary>
    /// Created before the upgrade (<see cref="CatalogRules.BrandUpgradeDate"/>); an item whose creation the ERP does not
    /// tell counts as older. No upgrade date: no item is.
    /// </summary>
    public static bool CreatedBeforeUpgrade(ErpItemState item, CatalogRules rules) =>
        rules.BrandUpgradeDate is { } upgrade
        && (item.CreatedAt is not { } created || DateOnly.FromDateTime(created.UtcDateTime) < upgrade);

    /// <summary>The first non-blank value of the sources, in order; null when none gives one.</summary>
    public static string? First(IReadOnlyList<FieldSource> sources, ErpItemState item, CatalogRules rules) =>
        sources.Select(s => s.Value(item, rules)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
