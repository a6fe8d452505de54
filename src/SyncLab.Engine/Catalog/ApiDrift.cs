using SyncLab.Engine.Connectors.BusinessCentral;

namespace SyncLab.Engine.Catalog;

/// <summary>
/// API drift: the ERP answers a shape the engine was not mapped for (an upgrade renamed or moved a field). A
/// missing price or stock must never reach the storefront as 0 — the process that needs the field reports a data
/// error naming it (and what came instead), pushes nothing for the record, and every process that does not need
/// it keeps flowing. The first change after the ERP answers the field again resolves the errors.
/// </summary>
public static class ApiDrift
{
    public const string UnitPrice = "unitPrice";
    public const string Inventory = "inventory";

    /// <summary>Standard fields of the items page the engine does not read: not signs of drift.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "@odata.etag", "type", "itemCategoryId", "priceIncludesTax", "unitCost", "taxGroupId", "taxGroupCode", "baseUnitOfMeasureId",
        "generalProductPostingGroupId", "generalProductPostingGroupCode", "inventoryPostingGroupId", "inventoryPostingGroupCode",
    };

    public static IReadOnlyList<string> Missing(BcItem item) =>
        [.. item.UnitPrice is null ? [UnitPrice] : Array.Empty<string>(), .. item.Inventory is null ? [Inventory] : Array.Empty<string>()];

    public static IReadOnlyList<string> New(BcItem item) =>
        item.Unknown is null ? [] : item.Unknown.Keys.Where(k => !Ignored.Contains(k)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Throws the data error for <paramref name="process"/> when the item's answer lacked a field it needs.</summary>
    public static void Ensure(ErpItemState item, string process, params string[] fields)
    {
        var missing = fields.Where(item.MissingFields.Contains).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var instead = item.NewFields.Count == 0 ? string.Empty : $" (it answered new fields: {string.Join(", ", item.NewFields.Select(f => $"'{f}'"))})";
        throw new DataErrorException(
            $"{item.Sku}: API drift: the ERP's item page answered without {string.Join(" and ", missing.Select(f => $"'{f}'"))}{instead}; was the ERP upgraded? {process}: nothing pushed until the ERP or the mapping answers it again");
    }
}
