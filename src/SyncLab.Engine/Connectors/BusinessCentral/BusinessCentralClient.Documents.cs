using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>The back-flow of a sales order: shipping and invoicing it, and crediting what comes back.</summary>
public sealed partial class BusinessCentralClient
{
    /// <summary>Posts the whole order (<c>Microsoft.NAV.shipAndInvoice</c>): a posted shipment and invoice; BC deletes the order.</summary>
    public async Task ShipAndInvoiceAsync(Guid salesOrderId, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        await ActionAsync(new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesOrders({salesOrderId})/Microsoft.NAV.shipAndInvoice"), ct);
    }

    /// <summary>
    /// Moves an open sales order to another posting date (PATCH with <c>If-Match: *</c>: the engine only moves the
    /// date, whatever the office changed since). The ERP refuses a date outside its allowed posting range.
    /// </summary>
    public async Task MoveSalesOrderPostingDateAsync(Guid salesOrderId, DateOnly postingDate, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesOrders({salesOrderId})"))
        {
            Content = JsonContent.Create(new { postingDate }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }

    /// <summary>Deletes a draft credit memo (one the ERP would not post on its day, to be keyed again on another).</summary>
    public async Task DeleteSalesCreditMemoAsync(Guid creditMemoId, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesCreditMemos({creditMemoId})"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }

    /// <summary>The credit memo (draft or posted: BC keeps its id) carrying <paramref name="externalDocumentNumber"/>.</summary>
    public async Task<BcCreditMemo?> SalesCreditMemoByExternalNumberAsync(string externalDocumentNumber, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcCreditMemo>>(Api(company, "salesCreditMemos", $"externalDocumentNumber eq '{Quote(externalDocumentNumber)}'"), ct);
        return page.Value.FirstOrDefault();
    }

    public async Task<BcCreditMemo> CreateSalesCreditMemoAsync(BcNewSalesCreditMemo memo, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await SendAsync<BcCreditMemo>(HttpMethod.Post, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesCreditMemos"), memo, ct);
    }

    /// <summary>Posts a draft credit memo (<c>Microsoft.NAV.post</c>): the goods go back into stock, the amount off the customer's balance.</summary>
    public async Task PostSalesCreditMemoAsync(Guid creditMemoId, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        await ActionAsync(new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesCreditMemos({creditMemoId})/Microsoft.NAV.post"), ct);
    }

    /// <summary>The posted invoice carrying <paramref name="externalDocumentNumber"/>, with its customer.</summary>
    public async Task<BcSalesInvoice?> PostedInvoiceByExternalNumberAsync(string externalDocumentNumber, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcSalesInvoice>>(Api(company, "salesInvoices", $"externalDocumentNumber eq '{Quote(externalDocumentNumber)}'"), ct);
        return page.Value.FirstOrDefault();
    }

    /// <summary>A bound action: POST without a body, 204 No Content.</summary>
    private async Task ActionAsync(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }
}
