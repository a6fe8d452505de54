using System.Text.Json;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Companies;

/// <summary><c>GET companies</c> and <c>GET companies({id})</c>: the tenant's one company, on every API root.</summary>
internal static class GetCompanies
{
    public static void Map(VendorRoutes routes)
    {
        foreach (var root in new[] { VendorRoutes.Standard, VendorRoutes.Commerce, VendorRoutes.Pricing })
        {
            routes.Add(root, "GET", "companies", ListAsync);
            routes.Add(root, "GET", "companies()", GetAsync);
        }
    }

    private static Task<VendorResponse> ListAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var company = request.Service<ErpCompany>();
        return Task.FromResult(VendorResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", request.Context("companies"));
            w.WriteStartArray("value");
            Write(w, company);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static Task<VendorResponse> GetAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var company = request.Service<ErpCompany>();
        return Task.FromResult(VendorResponse.Json(200, w => Write(w, company, request.Context("companies/$entity"))));
    }

    private static void Write(Utf8JsonWriter w, ErpCompany company, string? context = null)
    {
        w.WriteStartObject();
        if (context is not null)
        {
            w.WriteString("@odata.context", context);
        }
        w.WriteString("id", company.Id.ToString("D"));
        w.WriteString("systemVersion", ErpCompany.SystemVersion);
        w.WriteNumber("timestamp", 1000);
        w.WriteString("name", company.Name);
        w.WriteString("displayName", company.Name);
        w.WriteString("businessProfileId", string.Empty);
        w.WriteString("systemCreatedAt", ODataJson.Instant(company.CreatedAt));
        w.WriteString("systemCreatedBy", Guid.Empty.ToString("D"));
        w.WriteString("systemModifiedAt", ODataJson.Instant(company.CreatedAt));
        w.WriteString("systemModifiedBy", Guid.Empty.ToString("D"));
        w.WriteEndObject();
    }
}
