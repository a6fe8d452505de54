using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>
/// <c>DELETE companies({id})/customers({id})</c> with <c>If-Match</c> → 204. Refused as BC refuses it
/// (400 Application_DialogException) while the customer has posted entries or unposted document lines.
/// </summary>
internal static class DeleteCustomer
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.RequireIfMatch();
        var result = await request.Service<CustomerWriter>().DeleteAsync(id, ifMatch, cancellationToken);
        return result.Outcome switch
        {
            EditOutcome.NotFound => throw VendorError.RecordNotFound("Customer", id),
            EditOutcome.Stale => throw request.Stale(),
            _ => VendorResponse.NoContent,
        };
    }
}
