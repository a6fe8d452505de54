using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>
/// <c>POST companies({id})/customers</c>: a new customer card. Without <c>number</c> the mirror takes the next
/// number of the customer series (C10020 after the estate's C10019); a number that exists → 400
/// Internal_EntityWithSameKeyExists. Answers 201 with the customer and its ETag.
/// </summary>
internal static class CreateCustomer
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(request.Body, CustomersPage.Shape.EntityName, [.. CustomerEdit.Writable, "number"], CustomerEdit.ReadOnly, CustomerEdit.Unsupported);
        var edit = CustomerEdit.Parse(body, request.Service<ErpCompany>());
        var customer = await request.Service<CustomerWriter>().CreateAsync(CustomerEdit.Number(body), edit, "API POST", cancellationToken);
        return VendorResponse.Entity(201, CustomersPage.Shape, customer, CustomersPage.EntityContext(request));
    }
}
