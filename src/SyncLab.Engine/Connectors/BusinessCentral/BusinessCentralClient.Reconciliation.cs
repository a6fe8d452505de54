namespace SyncLab.Engine.Connectors.BusinessCentral;

public sealed partial class BusinessCentralClient
{
    /// <summary>Every open (not yet invoiced) sales order the engine keyed from a web order (external document number <c>SHOPIFY-…</c>), every page.</summary>
    public async Task<IReadOnlyList<BcSalesDocument>> OpenWebSalesOrdersAsync(CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await AllAsync<BcSalesDocument>(Api(company, "salesOrders", "startswith(externalDocumentNumber,'SHOPIFY-')"), ct);
    }
}
