using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Items;

/// <summary><c>GET companies({id})/items</c> (OData query, server-driven paging) and <c>GET companies({id})/items({id})</c>.</summary>
internal static class ReadItems
{
    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Standard, ItemShape.Page, db => db.Items, i => i.Id, "Item");
}
