using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>
/// The standard API v2.0 customer page ("APIV2 - Customers"), fields in page order. Fields the mirror does
/// not keep (tax area, payment terms...) answer BC's blanks. <c>email</c> filters ignore case (see the docs).
/// </summary>
internal static class CustomersPage
{
    public static EntityShape<CustomerRecord> Shape { get; } = new EntityShape<CustomerRecord>("customer", "customers")
        .Map("id", c => c.Id)
        .Map("number", c => c.Number)
        .Map("displayName", c => c.DisplayName)
        .Map("type", c => c.Type)
        .Map("addressLine1", c => c.AddressLine1)
        .Map("addressLine2", c => c.AddressLine2)
        .Map("city", c => c.City)
        .Map("state", c => c.State)
        .Map("country", c => c.Country)
        .Map("postalCode", c => c.PostalCode)
        .Map("phoneNumber", c => c.PhoneNumber)
        .MapCaseInsensitive("email", c => c.Email, c => c.EmailKey)
        .Map("website", c => c.Website)
        .Constant("salespersonCode", string.Empty)
        .Map("balanceDue", c => c.BalanceDue)
        .Constant("creditLimit", 0m)
        .Map("taxLiable", c => c.TaxLiable)
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
        .WithETag(c => ODataJson.ETag(c.Version))
        .OrderedBy("number");

    public static void Map(VendorRoutes routes)
    {
        routes.AddReads(VendorRoutes.Standard, Shape, db => db.Customers, c => c.Id, "Customer");
        routes.Add(VendorRoutes.Standard, "POST", "companies()/customers", CreateCustomer.HandleAsync);
        routes.Add(VendorRoutes.Standard, "PATCH", "companies()/customers()", PatchCustomer.HandleAsync);
        routes.Add(VendorRoutes.Standard, "DELETE", "companies()/customers()", DeleteCustomer.HandleAsync);
    }

    /// <summary>The "@odata.context" of one customer.</summary>
    public static string EntityContext(VendorRequest request) => request.Context($"companies({request.Segments[0].Key})/customers/$entity");
}
