namespace SyncLab.Mirrors.Erp;

/// <summary>
/// How the ERP mirror behaves. Every vendor figure is a setting with Business Central's documented
/// default (see docs/mirrors/erp.md for the sources), never a constant in code.
/// </summary>
public sealed record ErpMirrorSettings
{
    /// <summary>Entities per page before <c>@odata.nextLink</c>; Business Central online serves at most 20,000.</summary>
    public int PageSize { get; init; } = 20_000;

    /// <summary>The bearer token the vendor API wants; null accepts any non-empty token (as a test tenant would).</summary>
    public string? AccessToken { get; init; }

    /// <summary>Request limit per token; null (the default) means unthrottled. <see cref="ErpRateLimit.BusinessCentralOnline"/> is the vendor's figure.</summary>
    public ErpRateLimit? RateLimit { get; init; }

    /// <summary>Operations one <c>$batch</c> may carry.</summary>
    public int MaxBatchOperations { get; init; } = 100;

    /// <summary>How long a webhook subscription lives unless renewed with PATCH.</summary>
    public TimeSpan SubscriptionLifetime { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Business Central waits this long after the first change before it notifies, to send each change once.</summary>
    public TimeSpan NotificationDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>More changes than this within one delay window are sent as one <c>collection</c> notification.</summary>
    public int CollectionThreshold { get; init; } = 1_000;

    /// <summary>
    /// Status for a PATCH whose <c>If-Match</c> is stale. The API documentation and most client code expect 412;
    /// the BC server itself has been seen answering 409 with the same <c>Request_EntityChanged</c> body.
    /// </summary>
    public int StaleETagStatus { get; init; } = 412;

    /// <summary>
    /// How long an <c>@odata.deltaLink</c> stays usable (business time); older links answer 410 Gone. Business
    /// Central documents no figure: this is the mirror's choice (docs/mirrors/erp.md, "Delta links").
    /// </summary>
    public TimeSpan DeltaLinkLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The one company's name, as the CRONUS demo tenant calls it.</summary>
    public string CompanyName { get; init; } = "CRONUS USA, Inc.";
}

/// <summary>A sliding window: at most <paramref name="Requests"/> in any <paramref name="Window"/> of business time.</summary>
public sealed record ErpRateLimit(int Requests, TimeSpan Window)
{
    /// <summary>Business Central online: 6,000 requests per user in a 5-minute sliding window.</summary>
    public static ErpRateLimit BusinessCentralOnline { get; } = new(6_000, TimeSpan.FromMinutes(5));
}
