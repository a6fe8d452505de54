using SyncLab.Estate;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>
/// The commerce connector's custom API page, <c>/api/synclab/commerce/v1.0/companies({id})/webCustomers</c>:
/// marketing consent and price group, fields the standard customer page does not show. Same ids and the same
/// ETag as <c>customers</c> (one customer card underneath); <c>PATCH webCustomers({id})</c> with If-Match sets them.
/// </summary>
internal static class WebCustomersPage
{
    /// <summary>"Customer Price Group" codes the company has, besides any the estate's customers use.</summary>
    private static readonly string[] StandardPriceGroups = ["RETAIL", "TRADE", "VIP"];

    public static EntityShape<CustomerRecord> Shape { get; } = new EntityShape<CustomerRecord>("webCustomer", "webCustomers")
        .Map("id", c => c.Id)
        .Map("number", c => c.Number)
        .MapCaseInsensitive("email", c => c.Email, c => c.EmailKey)
        .Map("marketingConsent", c => c.MarketingConsent)
        .Map("priceGroup", c => c.PriceGroup)
        .Map("lastModifiedDateTime", c => c.LastModifiedDateTime)
        .WithETag(c => ODataJson.ETag(c.Version))
        .OrderedBy("number");

    public static void Map(VendorRoutes routes)
    {
        routes.AddReads(VendorRoutes.Commerce, Shape, db => db.Customers, c => c.Id, "Customer");
        routes.Add(VendorRoutes.Commerce, "PATCH", "companies()/webCustomers()", PatchAsync);
    }

    private static async Task<VendorResponse> PatchAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.RequireIfMatch();
        var body = RequestBody.Of(request.Body, Shape.EntityName, ["marketingConsent", "priceGroup"], ["id", "number", "email", "lastModifiedDateTime"]);
        var consent = body.Boolean("marketingConsent");
        var priceGroup = body.String("priceGroup")?.Trim().ToUpperInvariant();
        if (priceGroup is { Length: > 0 } && !KnownPriceGroups(request.Service<BusinessEstate>()).Contains(priceGroup))
        {
            throw VendorError.FieldValidation(
                $"The field Customer Price Group of table Customer contains a value ({priceGroup}) that cannot be found in the related table (Customer Price Group).");
        }

        var result = await request.Service<CustomerWriter>().EditAsync(id, ifMatch, customer =>
        {
            var changed = new List<string>();
            if (consent is { } c && c != customer.MarketingConsent)
            {
                customer.MarketingConsent = c;
                changed.Add($"MarketingConsent={c}");
            }
            if (priceGroup is not null && priceGroup != customer.PriceGroup)
            {
                customer.PriceGroup = priceGroup;
                changed.Add($"PriceGroup={priceGroup}");
            }
            return changed;
        }, "API PATCH webCustomers", cancellationToken);
        return result.Outcome switch
        {
            EditOutcome.NotFound => throw VendorError.RecordNotFound("Customer", id),
            EditOutcome.Stale => throw request.Stale(),
            _ => VendorResponse.Entity(200, Shape, result.Customer!, request.Context($"companies({request.Segments[0].Key})/webCustomers/$entity")),
        };
    }

    private static HashSet<string> KnownPriceGroups(BusinessEstate estate) =>
        [.. StandardPriceGroups, .. estate.Customers.Select(c => c.PriceGroup.ToUpperInvariant())];
}
