using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>Reads Business Central API v2.0 (OData v4): company lookup, items changed since a cursor, server-driven paging.</summary>
public sealed class BusinessCentralClient(HttpClient http, EngineOptions options)
{
    private const string System = "erp";
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
            next = page.NextLink is null ? null : new Uri(page.NextLink, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } abs ? abs : new Uri(options.ErpBaseUrl, page.NextLink);
        }
    }

    /// <summary>The web flag and brand of one item, from the custom commerce API page; null when the page has no such item.</summary>
    public async Task<BcWebItem?> WebItemAsync(string number, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var filter = $"number eq '{number.Replace("'", "''", StringComparison.Ordinal)}'";
        var page = await GetAsync<ODataPage<BcWebItem>>(new Uri(options.ErpBaseUrl, $"api/synclab/commerce/v1.0/companies({company})/webItems?$filter={Uri.EscapeDataString(filter)}"), ct);
        return page.Value.FirstOrDefault();
    }

    private async Task<T> GetAsync<T>(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new VendorCallException(System, e.Message, transient: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new VendorCallException(System, "request timed out", transient: true);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await VendorCallException.FromResponseAsync(System, response, ct);
            }
            return await response.Content.ReadFromJsonAsync<T>(Json, ct)
                ?? throw new VendorCallException(System, $"empty answer from {uri.AbsolutePath}", transient: true);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record ODataPage<T>(
        [property: JsonPropertyName("value")] List<T> Value,
        [property: JsonPropertyName("@odata.nextLink")] string? NextLink);

    private sealed record BcCompany(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("name")] string Name);
}
