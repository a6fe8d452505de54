using System.Text.Json;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>
/// REST customer payloads as of 2025-01, when Shopify took <c>tags</c>, <c>email_marketing_consent</c>,
/// <c>sms_marketing_consent</c> and the purchasing summary out of customer webhooks (shopify.dev changelog
/// "New customer's webhook and changes to existing customer's webhooks payload"); consent changes come as
/// customers/email_marketing_consent_update. Also the compliance payloads of customers/redact and customers/data_request.
/// </summary>
public static class CustomerPayloads
{
    public static string Customer(CustomerNode customer, string currency, TimeProvider clock) =>
        JsonSerializer.Serialize(Body(customer, currency, clock, withAddresses: true), WebhookPayloads.Json);

    public static string EmailMarketingConsent(CustomerRecord customer, TimeProvider clock) =>
        JsonSerializer.Serialize(
            new ConsentPayload(
                customer.Id,
                customer.Email,
                new ConsentState(customer.MarketingState.ToLowerInvariant(), customer.MarketingOptInLevel?.ToLowerInvariant(), OrderPayloads.Time(customer.ConsentUpdatedAt, clock))),
            WebhookPayloads.Json);

    /// <summary>customers/redact: what the app must erase (shopify.dev, privacy law compliance).</summary>
    public static string Redact(CustomerRecord customer, IReadOnlyList<long> orderIds, StorefrontMirrorSettings settings) =>
        JsonSerializer.Serialize(
            new RedactPayload(settings.ShopId, settings.ShopDomain, new RedactCustomer(customer.Id, customer.Email, customer.Phone), orderIds),
            WebhookPayloads.Json);

    /// <summary>customers/data_request: a customer asked the shop for their data (shopify.dev, privacy law compliance).</summary>
    public static string DataRequest(CustomerRecord customer, IReadOnlyList<long> orderIds, long requestId, StorefrontMirrorSettings settings) =>
        JsonSerializer.Serialize(
            new DataRequestPayload(settings.ShopId, settings.ShopDomain, orderIds, new RedactCustomer(customer.Id, customer.Email, customer.Phone), new DataRequestId(requestId)),
            WebhookPayloads.Json);

    internal static CustomerPayload Body(CustomerNode node, string currency, TimeProvider clock, bool withAddresses)
    {
        var c = node.Row;
        return new CustomerPayload(
            Id: c.Id,
            Email: c.Email,
            CreatedAt: WebhookPayloads.Local(c.CreatedAt, clock),
            UpdatedAt: WebhookPayloads.Local(c.UpdatedAt, clock),
            FirstName: c.FirstName,
            LastName: c.LastName,
            State: c.State.ToLowerInvariant(),
            Note: c.Note,
            VerifiedEmail: c.VerifiedEmail,
            MultipassIdentifier: null,
            TaxExempt: c.TaxExempt,
            Phone: c.Phone,
            Currency: currency,
            Addresses: withAddresses ? node.Addresses.Select(a => Address(a, node)).ToList() : null,
            TaxExemptions: [],
            AdminGraphqlApiId: Gid.Customer(c.Id),
            DefaultAddress: node.DefaultAddress is { } d ? Address(d, node) : null);
    }

    private static CustomerAddressPayload Address(AddressRecord a, CustomerNode owner) => new(
        a.Id, a.CustomerId ?? owner.Row.Id, a.FirstName, a.LastName, a.Company, a.Address1, a.Address2, a.City, a.Province, a.Country, a.Zip,
        a.Phone, a.Name, a.ProvinceCode, a.CountryCode, a.Country, owner.DefaultAddress?.Id == a.Id);

    internal sealed record CustomerPayload(
        long Id, string Email, string CreatedAt, string UpdatedAt, string? FirstName, string? LastName, string State, string? Note, bool VerifiedEmail,
        string? MultipassIdentifier, bool TaxExempt, string? Phone, string Currency,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyList<CustomerAddressPayload>? Addresses,
        IReadOnlyList<object> TaxExemptions, string AdminGraphqlApiId, CustomerAddressPayload? DefaultAddress);

    internal sealed record CustomerAddressPayload(
        long Id, long CustomerId, string? FirstName, string? LastName, string? Company, string? Address1, string? Address2, string? City,
        string? Province, string? Country, string? Zip, string? Phone, string? Name, string? ProvinceCode, string? CountryCode, string? CountryName,
        bool Default);

    private sealed record ConsentState(string? State, string? OptInLevel, string? ConsentUpdatedAt);

    private sealed record ConsentPayload(long CustomerId, string? EmailAddress, ConsentState EmailMarketingConsent);

    private sealed record RedactCustomer(long Id, string? Email, string? Phone);

    private sealed record DataRequestPayload(long ShopId, string ShopDomain, IReadOnlyList<long> OrdersRequested, RedactCustomer Customer, DataRequestId DataRequest);

    private sealed record DataRequestId(long Id);

    private sealed record RedactPayload(long ShopId, string ShopDomain, RedactCustomer Customer, IReadOnlyList<long> OrdersToRedact);
}
