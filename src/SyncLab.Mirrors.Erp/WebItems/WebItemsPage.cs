using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.WebItems;

/// <summary>
/// The commerce connector's custom API page, <c>/api/synclab/commerce/v1.0/companies({id})/webItems</c>:
/// the web-enabled flag, the brand and the web life-cycle fields (life-cycle code, restock date, backorders,
/// low-stock threshold, selling season), table-extension fields the standard item page does not show, and the card's creation time.
/// Integrations read it beside <c>items</c>, joined on <c>id</c>.
/// </summary>
internal static class WebItemsPage
{
    public static EntityShape<ItemRecord> Shape { get; } = new EntityShape<ItemRecord>("webItem", "webItems")
        .Map("id", i => i.Id)
        .Map("number", i => i.Number)
        .Map("webEnabled", i => i.WebEnabled)
        .Map("brand", i => i.Brand)
        .Map("lifecycleCode", i => i.LifecycleCode)
        .Map("restockDate", i => i.RestockDate)
        .Map("allowBackorder", i => i.AllowBackorder)
        .Map("lowStockThreshold", i => i.LowStockThreshold)
        .Map("seasonStartDate", i => i.SeasonStartDate)
        .Map("seasonEndDate", i => i.SeasonEndDate)
        .Map("systemCreatedAt", i => i.SystemCreatedAt)
        .Map("lastModifiedDateTime", i => i.LastModifiedDateTime)
        .WithETag(i => ODataJson.ETag(i.Version))
        .OrderedBy("number");

    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Commerce, Shape, db => db.Items, i => i.Id, "Item");
}
