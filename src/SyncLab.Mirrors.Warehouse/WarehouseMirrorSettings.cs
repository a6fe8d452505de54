namespace SyncLab.Mirrors.Warehouse;

/// <summary>How the ShipStation mirror behaves where the vendor leaves room (see docs/mirrors/warehouse.md).</summary>
public sealed record WarehouseMirrorSettings
{
    /// <summary>The key callers must send in the <c>api-key</c> header; null accepts any non-empty key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Request budget; null (the default) never throttles. Use <see cref="ShipStationRateLimit.Production"/> for the vendor's figure.</summary>
    public ShipStationRateLimit? RateLimit { get; init; }

    /// <summary>Name of the one inventory location created in each warehouse.</summary>
    public string DefaultLocationName { get; init; } = "A-01";

    public WarehouseWebhookSettings Webhooks { get; init; } = new();
}

/// <summary>
/// Webhook delivery where ShipStation publishes no figures (docs/mirrors/warehouse.md): the retry schedule
/// and the per-attempt timeout are this mirror's choice.
/// </summary>
public sealed record WarehouseWebhookSettings
{
    /// <summary>Business-time waits before each retry of a failed delivery; after the last one the delivery is abandoned.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    /// <summary>Real-time limit for one delivery attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>Requests per minute of business time per account, then 429 with <c>Retry-After</c> (seconds).</summary>
public sealed record ShipStationRateLimit(int RequestsPerMinute)
{
    /// <summary>ShipStation's published default: 200 requests per minute.</summary>
    public static ShipStationRateLimit Production { get; } = new(200);

    /// <summary>ShipStation's sandbox figure: 20 requests per minute.</summary>
    public static ShipStationRateLimit Sandbox { get; } = new(20);
}
