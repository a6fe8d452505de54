using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>The standard API v2.0 customer page; the estate's customers. Fields the estate does not model answer BC's blanks.</summary>
internal static class CustomersPage
{
    public static EntityShape<CustomerRecord> Shape { get; } = new EntityShape<CustomerRecord>("customer", "customers")
        .Map("id", c => c.Id)
        .Map("number", c => c.Number)
        .Map("displayName", c => c.DisplayName)
        .Constant("type", "Person")
        .Map("addressLine1", c => c.AddressLine1)
        .Constant("addressLine2", string.Empty)
        .Map("city", c => c.City)
        .Constant("state", string.Empty)
        .Map("country", c => c.Country)
        .Map("postalCode", c => c.PostalCode)
        .Map("phoneNumber", c => c.PhoneNumber)
        .Map("email", c => c.Email)
        .Constant("website", string.Empty)
        .Constant("salespersonCode", string.Empty)
        .Constant("balanceDue", 0m)
        .Constant("creditLimit", 0m)
        .Constant("taxLiable", false)
        .Constant("taxAreaId", Guid.Empty)
        .Constant("taxAreaDisplayName", string.Empty)
        .Constant("taxRegistrationNumber", string.Empty)
        .Constant("currencyId", Guid.Empty)
        .Map("currencyCode", c => c.CurrencyCode)
        .Constant("paymentTermsId", Guid.Empty)
        .Constant("shipmentMethodId", Guid.Empty)
        .Constant("paymentMethodId", Guid.Empty)
        .Map("blocked", c => c.Blocked)
        .Map("lastModifiedDateTime", c => c.LastModifiedDateTime)
        .WithETag(c => ODataJson.ETag(c.Seq))
        .OrderedBy("number");

    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Standard, Shape, db => db.Customers, c => c.Id, "Customer");
}
