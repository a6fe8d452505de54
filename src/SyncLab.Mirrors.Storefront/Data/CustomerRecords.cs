namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>CustomerEmailMarketingState values the mirror uses.</summary>
public static class MarketingStates
{
    public const string NotSubscribed = "NOT_SUBSCRIBED";
    public const string Pending = "PENDING";
    public const string Subscribed = "SUBSCRIBED";
    public const string Unsubscribed = "UNSUBSCRIBED";
    public const string Redacted = "REDACTED";
    public const string Invalid = "INVALID";

    public static IReadOnlyList<string> All { get; } = [NotSubscribed, Pending, Subscribed, Unsubscribed, Redacted, Invalid];
}

/// <summary>
/// A shop customer. Checkout creates one per e-mail address (matched case-insensitively) as a guest
/// (state DISABLED: no account), as Shopify does.
/// </summary>
public sealed class CustomerRecord
{
    public long Id { get; set; }

    /// <summary>Trimmed and lower-cased: what checkout matches on.</summary>
    public required string Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Phone { get; set; }

    public string? Note { get; set; }

    /// <summary>Comma-separated.</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>CustomerState: DISABLED (guest), INVITED, ENABLED, DECLINED.</summary>
    public string State { get; set; } = "DISABLED";

    public bool VerifiedEmail { get; set; } = true;

    public bool TaxExempt { get; set; }

    public string MarketingState { get; set; } = MarketingStates.NotSubscribed;

    /// <summary>CustomerMarketingOptInLevel: SINGLE_OPT_IN, CONFIRMED_OPT_IN, UNKNOWN; null before any consent.</summary>
    public string? MarketingOptInLevel { get; set; }

    public DateTimeOffset? ConsentUpdatedAt { get; set; }

    public long? DefaultAddressId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A mailing address: one of a customer's addresses, or the shipping address an order was placed with.</summary>
public sealed class AddressRecord
{
    public long Id { get; set; }

    public long? CustomerId { get; set; }

    public long? OrderId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Company { get; set; }

    public string? Address1 { get; set; }

    public string? Address2 { get; set; }

    public string? City { get; set; }

    public string? Province { get; set; }

    public string? ProvinceCode { get; set; }

    public string? Zip { get; set; }

    public string? Country { get; set; }

    public string? CountryCode { get; set; }

    public string? Phone { get; set; }

    public string? Name => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : null;

    /// <summary>Same street address (ignoring case): checkout does not add an address a customer already has.</summary>
    public bool SamePlaceAs(AddressRecord other) =>
        string.Equals(Address1, other.Address1, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Address2 ?? string.Empty, other.Address2 ?? string.Empty, StringComparison.OrdinalIgnoreCase)
        && string.Equals(City, other.City, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Zip, other.Zip, StringComparison.OrdinalIgnoreCase)
        && string.Equals(CountryCode, other.CountryCode, StringComparison.OrdinalIgnoreCase)
        && string.Equals(LastName, other.LastName, StringComparison.OrdinalIgnoreCase);

    public AddressRecord CopyFor(long id, long? customerId, long? orderId) => new()
    {
        Id = id,
        CustomerId = customerId,
        OrderId = orderId,
        FirstName = FirstName,
        LastName = LastName,
        Company = Company,
        Address1 = Address1,
        Address2 = Address2,
        City = City,
        Province = Province,
        ProvinceCode = ProvinceCode,
        Zip = Zip,
        Country = Country,
        CountryCode = CountryCode,
        Phone = Phone,
    };
}
