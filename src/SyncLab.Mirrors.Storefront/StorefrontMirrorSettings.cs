namespace SyncLab.Mirrors.Storefront;

/// <summary>
/// How the storefront mirror behaves. Every vendor figure is a setting with Shopify's documented
/// default (sources in docs/mirrors/storefront.md), never a constant in code.
/// </summary>
public sealed record StorefrontMirrorSettings
{
    /// <summary>Huge cost limits: for load runs and tests that are not about throttling.</summary>
    public static StorefrontMirrorSettings Fast { get; } = new() { Throttle = QueryCostLimits.Fast };

    /// <summary>The shop the mirror pretends to be; sent as <c>X-Shopify-Shop-Domain</c> on webhooks.</summary>
    public string ShopDomain { get; init; } = "synclab-staging.myshopify.com";

    /// <summary>API versions answered under <c>/admin/api/{version}/graphql.json</c>; any other version is a 404.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = ["2025-01"];

    /// <summary>The <c>X-Shopify-Access-Token</c> the Admin API wants; null accepts any non-empty token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The app's client secret: the key of <c>X-Shopify-Hmac-Sha256</c> on webhook deliveries.</summary>
    public string WebhookSecret { get; init; } = "synclab-storefront-webhook-secret";

    /// <summary>Calculated-query-cost limits (leaky bucket per access token, on the business clock).</summary>
    public QueryCostLimits Throttle { get; init; } = QueryCostLimits.Standard;

    /// <summary>Input arrays (variants, quantities, changes) longer than this are refused, as Shopify does (250).</summary>
    public int MaxInputArraySize { get; init; } = 250;

    /// <summary>Largest <c>first</c> a connection accepts (Shopify: 250).</summary>
    public int MaxPageSize { get; init; } = 250;

    /// <summary>Product pages say "Only N left" when the total available is at most this and above zero.</summary>
    public int LowStockThreshold { get; init; } = 5;

    /// <summary>
    /// A product carrying this tag says "Only N left" whatever its count (the theme reads the tag an
    /// integration sets from the merchant's own thresholds per item or category).
    /// </summary>
    public string LowStockTag { get; init; } = "low-stock";

    /// <summary>Products per catalogue page at <c>GET /</c>.</summary>
    public int CataloguePageSize { get; init; } = 48;

    /// <summary>The shop's numeric id: <c>shop_id</c> in compliance webhooks (customers/redact).</summary>
    public long ShopId { get; init; } = 10_000_001;

    /// <summary>The first order's number (#1001 on a new Shopify shop); later orders count up from it.</summary>
    public int FirstOrderNumber { get; init; } = 1001;

    /// <summary>
    /// Sales tax on line items, charged on top of prices (taxesIncluded false), rounded to the cent per line.
    /// A shop setting rather than a vendor figure: Shopify computes it from the destination.
    /// </summary>
    public decimal TaxRate { get; init; } = 0.08m;

    public string TaxTitle { get; init; } = "Sales Tax";

    /// <summary>Flat shipping charged once per order, untaxed.</summary>
    public decimal ShippingPrice { get; init; } = 5.00m;

    public string ShippingTitle { get; init; } = "Standard";

    /// <summary>Checkout captures payment at once (financial status PAID) through this gateway.</summary>
    public string PaymentGateway { get; init; } = "shopify_payments";

    /// <summary>Waits before each retry of a failed webhook delivery, on the business clock (Shopify: 8 retries over about 4 hours).</summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } =
        [.. new[] { 1, 2, 4, 8, 16, 32, 64, 113 }.Select(m => TimeSpan.FromMinutes(m))];

    /// <summary>Consecutive failed deliveries after which an API-created subscription is deleted (Shopify: 8).</summary>
    public int WebhookFailuresBeforeRemoval { get; init; } = 8;

    /// <summary>Connect timeout of one delivery attempt, in real time (Shopify: 1 s).</summary>
    public TimeSpan WebhookConnectTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Total timeout of one delivery attempt, in real time (Shopify: 5 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Shopify's calculated query cost limits: a bucket of <paramref name="BucketSize"/> points per access
/// token that refills at <paramref name="RestoreRate"/> points per business second; one query may cost at
/// most <paramref name="MaxQueryCost"/>. <paramref name="Enabled"/> false still reports costs but never throttles.
/// </summary>
public sealed record QueryCostLimits(bool Enabled, double BucketSize, double RestoreRate, int MaxQueryCost)
{
    /// <summary>Standard plans: 1,000-point bucket, 100 points/s (shopify.dev GraphQL Admin API rate limits).</summary>
    public static QueryCostLimits Standard { get; } = new(true, 1_000, 100, 1_000);

    /// <summary>Advanced Shopify: 200 points/s.</summary>
    public static QueryCostLimits Advanced { get; } = new(true, 2_000, 200, 1_000);

    /// <summary>Shopify Plus: 1,000 points/s.</summary>
    public static QueryCostLimits Plus { get; } = new(true, 10_000, 1_000, 1_000);

    /// <summary>Costs are reported, nothing is throttled.</summary>
    public static QueryCostLimits Off { get; } = new(false, 1_000, 100, 1_000);

    /// <summary>Enabled but practically unlimited.</summary>
    public static QueryCostLimits Fast { get; } = new(true, 1_000_000_000, 1_000_000_000, 1_000_000);
}
