namespace SyncLab.Engine.Connectors.Shopify;

/// <summary>A storefront order as the engine carries it: the full state at one <see cref="UpdatedAt"/>.</summary>
public sealed record ShopifyOrder(
    string Id,
    string Name,
    string? Email,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CancelledAt,
    string CurrencyCode,
    decimal TotalPrice,
    ShopifyAddress? ShippingAddress,
    string? CustomerFirstName,
    string? CustomerLastName,
    IReadOnlyList<ShopifyOrderLine> Lines)
{
    /// <summary>The numeric part of the order's global id (gid://shopify/Order/123 → 123).</summary>
    public string LegacyId => Id[(Id.LastIndexOf('/') + 1)..];
}

/// <param name="TaxRate">The sales tax rate the shopper paid on the line (a fraction, all tax lines summed); null when untaxed.</param>
/// <param name="TaxAmount">The tax the shopper paid on the whole line.</param>
public sealed record ShopifyOrderLine(string? Sku, int Quantity, decimal UnitPrice, string Title, decimal? TaxRate = null, decimal TaxAmount = 0m);

public sealed record ShopifyAddress(string? FirstName, string? LastName, string? Address1, string? City, string? Zip, string? CountryCode, string? Phone, string? ProvinceCode = null);
