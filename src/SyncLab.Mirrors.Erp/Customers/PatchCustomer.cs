using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>
/// <c>PATCH companies({id})/customers({id})</c> with <c>If-Match</c>: missing → 400 BadRequest_InvalidToken,
/// stale → 412 (setting) Request_EntityChanged. <c>number</c> is not renamed through this mirror.
/// </summary>
internal static class PatchCustomer
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.RequireIfMatch();
        var body = RequestBody.Of(request.Body, CustomersPage.Shape.EntityName, CustomerEdit.Writable, [.. CustomerEdit.ReadOnly, "number"], CustomerEdit.Unsupported);
        var edit = CustomerEdit.Parse(body, request.Service<ErpCompany>());
        var result = await request.Service<CustomerWriter>().EditAsync(id, ifMatch, edit.ApplyTo, "API PATCH", cancellationToken);
        return result.Outcome switch
        {
            EditOutcome.NotFound => throw VendorError.RecordNotFound("Customer", id),
            EditOutcome.Stale => throw request.Stale(),
            _ => VendorResponse.Entity(200, CustomersPage.Shape, result.Customer!, CustomersPage.EntityContext(request)),
        };
    }
}
