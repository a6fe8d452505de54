using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Locations;

/// <summary>The standard API v2.0 location page; the estate's warehouses and stores.</summary>
internal static class LocationsPage
{
    public static EntityShape<LocationRecord> Shape { get; } = new EntityShape<LocationRecord>("location", "locations")
        .Map("id", l => l.Id)
        .Map("code", l => l.Code)
        .Map("displayName", l => l.DisplayName)
        .Constant("contact", string.Empty)
        .Constant("addressLine1", string.Empty)
        .Constant("addressLine2", string.Empty)
        .Map("city", l => l.City)
        .Constant("state", string.Empty)
        .Map("country", l => l.Country)
        .Constant("postalCode", string.Empty)
        .Constant("phoneNumber", string.Empty)
        .Constant("email", string.Empty)
        .Constant("website", string.Empty)
        .Map("lastModifiedDateTime", l => l.LastModifiedDateTime)
        .WithETag(l => ODataJson.ETag(l.Seq))
        .OrderedBy("code");

    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Standard, Shape, db => db.Locations, l => l.Id, "Location");
}
