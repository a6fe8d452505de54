using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Items;

/// <summary>The standard API v2.0 item page ("APIV2 - Items"), fields in page order.</summary>
internal static class ItemShape
{
    public static EntityShape<ItemRecord> Page { get; } = new EntityShape<ItemRecord>("item", "items")
        .Map("id", i => i.Id)
        .Map("number", i => i.Number)
        .Map("displayName", i => i.DisplayName)
        .Map("displayName2", i => i.DisplayName2)
        .Map("type", i => i.Type)
        .Map("itemCategoryId", i => i.ItemCategoryId)
        .Map("itemCategoryCode", i => i.ItemCategoryCode)
        .Map("blocked", i => i.Blocked)
        .Map("gtin", i => i.Gtin)
        .Map("inventory", i => i.Inventory)
        .Map("unitPrice", i => i.UnitPrice)
        .Map("priceIncludesTax", i => i.PriceIncludesTax)
        .Map("unitCost", i => i.UnitCost)
        .Map("taxGroupId", i => i.TaxGroupId)
        .Map("taxGroupCode", i => i.TaxGroupCode)
        .Map("baseUnitOfMeasureId", i => i.BaseUnitOfMeasureId)
        .Map("baseUnitOfMeasureCode", i => i.BaseUnitOfMeasureCode)
        .Map("generalProductPostingGroupId", i => i.GeneralProductPostingGroupId)
        .Map("generalProductPostingGroupCode", i => i.GeneralProductPostingGroupCode)
        .Map("inventoryPostingGroupId", i => i.InventoryPostingGroupId)
        .Map("inventoryPostingGroupCode", i => i.InventoryPostingGroupCode)
        .Map("lastModifiedDateTime", i => i.LastModifiedDateTime)
        .WithETag(i => ODataJson.ETag(i.Version))
        .OrderedBy("number");
}
