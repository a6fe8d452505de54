using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>Reads Business Central API v2.0 (OData v4): company lookup, items changed since a cursor, server-driven paging.</summary>
public sealed partial class BusinessCentralClient(HttpClient http, EngineOptions options, VendorPacers? pacers = null)
{
    private const string System = "erp";
    private readonly RequestPacer? _pacer = pacers?.Erp;
    private Guid? _companyId;

    public async Task<Guid> CompanyIdAsync(CancellationToken ct)
    {
        if (_companyId is { } known)
        {
            return known;
        }
        var page = await GetAsync<ODataPage<BcCompany>>(new Uri(options.ErpBaseUrl, "api/v2.0/companies"), ct);
        var company = options.ErpCompany is null
            ? page.Value.FirstOrDefault()
            : page.Value.FirstOrDefault(c => string.Equals(c.Name, options.ErpCompany, StringComparison.OrdinalIgnoreCase));
        _companyId = company?.Id ?? throw new VendorCallException(System, $"company '{options.ErpCompany ?? "(first)"}' not found", transient: false);
        return _companyId.Value;
    }

    /// <summary>Every item modified after <paramref name="since"/>, oldest first, following <c>@odata.nextLink</c>.</summary>
    public async IAsyncEnumerable<BcItem> ItemsModifiedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var filter = $"lastModifiedDateTime gt {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}";
        Uri? next = new(options.ErpBaseUrl, $"api/v2.0/companies({company})/items?$filter={Uri.EscapeDataString(filter)}&$orderby=lastModifiedDateTime");
        while (next is not null)
        {
            var page = await GetAsync<ODataPage<BcItem>>(next, ct);
            foreach (var item in page.Value)
            {
                yield return item;
            }
            next = NextPage(page.NextLink);
        }
    }

    /// <summary>The commerce page's rows of every item modified after <paramref name="since"/>, following <c>@odata.nextLink</c>.</summary>
    public async IAsyncEnumerable<BcWebItem> WebItemsModifiedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var filter = $"lastModifiedDateTime gt {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}";
        Uri? next = new(options.ErpBaseUrl, $"api/synclab/commerce/v1.0/companies({company})/webItems?$filter={Uri.EscapeDataString(filter)}");
        while (next is not null)
        {
            var page = await GetAsync<ODataPage<BcWebItem>>(next, ct);
            foreach (var item in page.Value)
            {
                yield return item;
            }
            next = NextPage(page.NextLink);
        }
    }

    private Uri? NextPage(string? nextLink) =>
        nextLink is null ? null : new Uri(nextLink, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } abs ? abs : new Uri(options.ErpBaseUrl, nextLink);

    /// <summary>One item by its ERP number (as keyed, drift included); null when the ERP has none.</summary>
    public async Task<BcItem?> ItemByNumberAsync(string number, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcItem>>(Api(company, "items", $"number eq '{Quote(number)}'"), ct);
        return page.Value.FirstOrDefault();
    }

    /// <summary>Every sales price list header (a handful: one per season or campaign).</summary>
    public async Task<IReadOnlyList<BcPriceList>> PriceListsAsync(CancellationToken ct) =>
        await AllAsync<BcPriceList>(new Uri(options.ErpBaseUrl, $"api/{Pricing}/companies({await CompanyIdAsync(ct)})/priceLists"), ct);

    /// <summary>Price list lines modified after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<BcPriceListLine>> PriceListLinesModifiedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var filter = $"lastModifiedDateTime gt {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}";
        var company = await CompanyIdAsync(ct);
        return await AllAsync<BcPriceListLine>(new Uri(options.ErpBaseUrl, $"api/{Pricing}/companies({company})/priceListLines?$filter={Uri.EscapeDataString(filter)}&$orderby=lastModifiedDateTime"), ct);
    }

    /// <summary>Every price list line of one item, whatever its dates.</summary>
    public async Task<IReadOnlyList<BcPriceListLine>> PriceListLinesOfItemAsync(string number, CancellationToken ct)
    {
        var filter = $"itemNumber eq '{Quote(number)}'";
        var company = await CompanyIdAsync(ct);
        return await AllAsync<BcPriceListLine>(new Uri(options.ErpBaseUrl, $"api/{Pricing}/companies({company})/priceListLines?$filter={Uri.EscapeDataString(filter)}"), ct);
    }

    private const string Pricing = "synclab/pricing/v1.0";

    private async Task<List<T>> AllAsync<T>(Uri first, CancellationToken ct)
    {
        var rows = new List<T>();
        Uri? next = first;
        while (next is not null)
        {
            var page = await GetAsync<ODataPage<T>>(next, ct);
            rows.AddRange(page.Value);
            next = NextPage(page.NextLink);
        }
        return rows;
    }

    /// <summary>The web flag and brand of one item, from the custom commerce API page; null when the page has no such item.</summary>
    public async Task<BcWebItem?> WebItemAsync(string number, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var filter = $"number eq '{number.Replace("'", "''", StringComparison.Ordinal)}'";
        var page = await GetAsync<ODataPage<BcWebItem>>(new Uri(options.ErpBaseUrl, $"api/synclab/commerce/v1.0/companies({company})/webItems?$filter={Uri.EscapeDataString(filter)}"), ct);
        return page.Value.FirstOrDefault();
    }

    /// <summary>The ERP's sales tax setup, every rate with its effective date (a handful of rows).</summary>
    public async Task<IReadOnlyList<BcSalesTaxRate>> SalesTaxRatesAsync(CancellationToken ct) =>
        await AllAsync<BcSalesTaxRate>(new Uri(options.ErpBaseUrl, $"api/synclab/commerce/v1.0/companies({await CompanyIdAsync(ct)})/salesTaxRates"), ct);

    public async Task<BcCustomer?> CustomerByEmailAsync(string email, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcCustomer>>(Api(company, "customers", $"email eq '{Quote(email)}'"), ct);
        return page.Value.FirstOrDefault();
    }

    public async Task<BcCustomer> CreateCustomerAsync(BcNewCustomer customer, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await SendAsync<BcCustomer>(HttpMethod.Post, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/customers"), customer, ct);
    }

    /// <summary>
    /// The sales order or posted invoice carrying <paramref name="externalDocumentNumber"/>: how the engine
    /// finds a document it created before a crash let it record the fact.
    /// </summary>
    public async Task<BcSalesDocument?> SalesDocumentByExternalNumberAsync(string externalDocumentNumber, CancellationToken ct) =>
        await SalesOrderByExternalNumberAsync(externalDocumentNumber, ct) ?? await SalesInvoiceByExternalNumberAsync(externalDocumentNumber, ct);

    /// <summary>The open (not yet invoiced) sales order carrying <paramref name="externalDocumentNumber"/>.</summary>
    public Task<BcSalesDocument?> SalesOrderByExternalNumberAsync(string externalDocumentNumber, CancellationToken ct) =>
        FirstByExternalNumberAsync("salesOrders", externalDocumentNumber, ct);

    public Task<BcSalesDocument?> SalesInvoiceByExternalNumberAsync(string externalDocumentNumber, CancellationToken ct) =>
        FirstByExternalNumberAsync("salesInvoices", externalDocumentNumber, ct);

    /// <summary>Deletes an open sales order (a cancellation before it is shipped and invoiced).</summary>
    public async Task DeleteSalesOrderAsync(Guid id, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesOrders({id})"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        // The engine deletes what it created; whatever the office changed since, the order is void.
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }

    private async Task<BcSalesDocument?> FirstByExternalNumberAsync(string entitySet, string externalDocumentNumber, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcSalesDocument>>(Api(company, entitySet, $"externalDocumentNumber eq '{Quote(externalDocumentNumber)}'"), ct);
        return page.Value.FirstOrDefault();
    }

    public async Task<BcSalesDocument> CreateSalesOrderAsync(BcNewSalesOrder order, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await SendAsync<BcSalesDocument>(HttpMethod.Post, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/salesOrders"), order, ct);
    }

    private Uri Api(Guid company, string entitySet, string filter) =>
        new(options.ErpBaseUrl, $"api/v2.0/companies({company})/{entitySet}?$filter={Uri.EscapeDataString(filter)}");

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private Task<T> GetAsync<T>(Uri uri, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, uri, null, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, Uri uri, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new VendorCallException(System, $"empty answer from {uri.AbsolutePath}", transient: true);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record ODataPage<T>(
        [property: JsonPropertyName("value")] List<T> Value,
        [property: JsonPropertyName("@odata.nextLink")] string? NextLink);

    private sealed record BcCompany(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("name")] string Name);
}
