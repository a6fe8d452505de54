using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>A customer card as the shopper-data process reads it: the standard page's fields.</summary>
public sealed record BcCustomerCard(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("addressLine1")] string? AddressLine1,
    [property: JsonPropertyName("addressLine2")] string? AddressLine2,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("postalCode")] string? PostalCode,
    [property: JsonPropertyName("phoneNumber")] string? PhoneNumber,
    [property: JsonPropertyName("blocked")] string? Blocked,
    [property: JsonPropertyName("lastModifiedDateTime")] DateTimeOffset LastModifiedDateTime,
    [property: JsonPropertyName("@odata.etag")] string? ETag)
{
    /// <summary>A person's card (a web shopper); a company's name and address are the office's.</summary>
    public bool IsPerson => string.Equals(Type, "Person", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The commerce connector's webCustomers row: marketing consent and price group.</summary>
public sealed record BcWebCustomer(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("marketingConsent")] bool MarketingConsent,
    [property: JsonPropertyName("priceGroup")] string? PriceGroup,
    [property: JsonPropertyName("lastModifiedDateTime")] DateTimeOffset LastModifiedDateTime,
    [property: JsonPropertyName("@odata.etag")] string? ETag);

/// <summary>Customer cards for shopper data: look-ups that survive the office's e-mail drift, edits with If-Match, documents per customer.</summary>
public sealed partial class BusinessCentralClient
{
    private const string Commerce = "synclab/commerce/v1.0";

    /// <summary>
    /// Cards whose e-mail contains <paramref name="normalisedEmail"/> (BC compares ignoring case), for the caller to keep
    /// those equal to it once trimmed and case-folded: legacy cards keyed "ANN@X.COM " are found too.
    /// </summary>
    public async Task<IReadOnlyList<BcCustomerCard>> CustomerCardsLikeEmailAsync(string normalisedEmail, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await AllAsync<BcCustomerCard>(Api(company, "customers", $"contains(email,'{Quote(normalisedEmail)}')"), ct);
    }

    public async Task<BcCustomerCard?> CustomerCardAsync(Guid id, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcCustomerCard>>(Api(company, "customers", $"id eq {id:D}"), ct);
        return page.Value.FirstOrDefault();
    }

    public async Task<BcWebCustomer?> WebCustomerAsync(Guid id, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcWebCustomer>>(
            new Uri(options.ErpBaseUrl, $"api/{Commerce}/companies({company})/webCustomers?$filter={Uri.EscapeDataString($"id eq {id:D}")}"), ct);
        return page.Value.FirstOrDefault();
    }

    /// <summary>Customer cards modified after <paramref name="since"/>, oldest first, every page.</summary>
    public async Task<IReadOnlyList<BcCustomerCard>> CustomerCardsModifiedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var filter = $"lastModifiedDateTime gt {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}";
        return await AllAsync<BcCustomerCard>(
            new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/customers?$filter={Uri.EscapeDataString(filter)}&$orderby=lastModifiedDateTime"), ct);
    }

    /// <summary>PATCH of the standard customer page with the card's ETag; answers the card as it now is.</summary>
    public async Task<BcCustomerCard> PatchCustomerAsync(Guid id, string etag, JsonObject fields, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await PatchAsync<BcCustomerCard>(new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/customers({id:D})"), etag, fields, ct);
    }

    /// <summary>PATCH of the commerce page (marketing consent, price group) with the card's ETag.</summary>
    public async Task<BcWebCustomer> PatchWebCustomerAsync(Guid id, string etag, JsonObject fields, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await PatchAsync<BcWebCustomer>(new Uri(options.ErpBaseUrl, $"api/{Commerce}/companies({company})/webCustomers({id:D})"), etag, fields, ct);
    }

    /// <summary>The newest posted invoice date of a customer (bookkeeping), null when it has none.</summary>
    public async Task<DateOnly?> LastInvoiceDateAsync(Guid customerId, CancellationToken ct) =>
        await LastDateAsync("salesInvoices", "postingDate", customerId, ct);

    /// <summary>The newest open sales order date of a customer, null when it has none.</summary>
    public async Task<DateOnly?> LastOpenOrderDateAsync(Guid customerId, CancellationToken ct) =>
        await LastDateAsync("salesOrders", "orderDate", customerId, ct);

    private async Task<DateOnly?> LastDateAsync(string entitySet, string field, Guid customerId, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var uri = new Uri(options.ErpBaseUrl,
            $"api/v2.0/companies({company})/{entitySet}?$filter={Uri.EscapeDataString($"customerId eq {customerId:D}")}&$orderby={field} desc&$top=1&$select={field}");
        var page = await GetAsync<ODataPage<JsonObject>>(uri, ct);
        return page.Value.FirstOrDefault()?[field] is { } date ? DateOnly.Parse((string)date!, CultureInfo.InvariantCulture) : null;
    }

    private async Task<T> PatchAsync<T>(Uri uri, string etag, JsonObject fields, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, uri) { Content = JsonContent.Create(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new VendorCallException(System, $"empty answer from {uri.AbsolutePath}", transient: true);
    }
}
