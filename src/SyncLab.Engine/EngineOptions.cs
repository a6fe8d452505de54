namespace SyncLab.Engine;

/// <summary>
/// Everything that tells a mirror from the real thing: base URLs, credentials, limits. The engine's
/// code is the same against mirrors and live systems.
/// </summary>
public sealed record EngineOptions
{
    public required Uri ErpBaseUrl { get; init; }

    public string ErpToken { get; init; } = "synclab";

    /// <summary>Business Central company to sync (by name); null takes the first the API lists.</summary>
    public string? ErpCompany { get; init; }

    public required Uri StorefrontBaseUrl { get; init; }

    public string StorefrontToken { get; init; } = "synclab";

    public string StorefrontApiVersion { get; init; } = "2025-01";

    /// <summary>The storefront location that sells web stock (by name); null takes the first.</summary>
    public string? StorefrontLocation { get; init; }

    /// <summary>ShipStation API v2 (the warehouse); null leaves fulfilment to the warehouse out.</summary>
    public Uri? WarehouseBaseUrl { get; init; }

    /// <summary>ShipStation's <c>api-key</c>.</summary>
    public string WarehouseApiKey { get; init; } = "synclab";

    /// <summary>The ShipStation warehouse web orders ship from (by name); null takes the default, else the first.</summary>
    public string? Warehouse { get; init; }

    /// <summary>Square (the stores' POS); null leaves the stores' stock out of available-to-sell.</summary>
    public Uri? PosBaseUrl { get; init; }

    /// <summary>Square's bearer access token.</summary>
    public string PosAccessToken { get; init; } = "synclab";

    /// <summary>The ERP customer number the stores' cash sales are booked to (the walk-in customer); created when missing.</summary>
    public string PosCashCustomer { get; init; } = "POS-CASH";

    /// <summary>Where available-to-sell comes from (ERP, or warehouse + stores), per storefront location, and the safety stock.</summary>
    public Inventory.InventoryOptions Inventory { get; init; } = new();

    /// <summary>Carriers need a phone number on every parcel; used when the shopper gave none.</summary>
    public string ShipToFallbackPhone { get; init; } = "000-000-0000";

    /// <summary>How often the ERP is polled for changes (business time).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back each poll re-reads, so a change committed late with an older timestamp is not missed.</summary>
    public TimeSpan PollOverlap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The merchant's home time zone (IANA): dates of documents and effective dates are days here.</summary>
    public string MerchantTimeZone { get; init; } = "UTC";

    /// <summary>The merchant's time zone; UTC when the name is not one this machine knows.</summary>
    public TimeZoneInfo MerchantZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(MerchantTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The catalogue mapping: fallbacks, code tables, content rules, low-stock thresholds, clearance markdown.</summary>
    public Products.CatalogRules Catalog { get; init; } = Products.CatalogRules.Default;

    /// <summary>
    /// Scheduled jobs by name (e.g. <c>["reconciliation"] = new("0 3 * * *", "America/Chicago")</c>: every night at
    /// 03:00 store time); a job not named here is off until scheduled through <c>PUT /engine/schedules/{job}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, Scheduling.JobSchedule> Schedules { get; init; } = new Dictionary<string, Scheduling.JobSchedule>(StringComparer.Ordinal);

    /// <summary>Shopper data: retention years, the yearly purge day, the price group tag.</summary>
    public SyncLab.Engine.Shoppers.ShopperRules Shoppers { get; init; } = SyncLab.Engine.Shoppers.ShopperRules.Default;

    /// <summary>The Shopify app's client secret: the key of the compliance webhooks' X-Shopify-Hmac-Sha256.</summary>
    public string StorefrontWebhookSecret { get; init; } = "synclab-storefront-webhook-secret";

    /// <summary>Webhooks from the ERP, the POS and the warehouse: the engine's public address, their secrets, renewal.</summary>
    public Webhooks.WebhookOptions Webhooks { get; init; } = new();

    /// <summary>Units held back from the web on every SKU.</summary>
    public int SafetyStock { get; init; }

    /// <summary>Work items processed at once (different keys only: one key is always processed in order).</summary>
    public int Parallelism { get; init; } = 4;

    public int MaxAttempts { get; init; } = 8;

    /// <summary>
    /// How often held work (a document the ERP refuses because its books are closed for the day) is offered to
    /// the ERP again, on the business clock. Held work is never dead-lettered: the office opens the period.
    /// </summary>
    public TimeSpan HoldRecheck { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wait for the storefront's query cost bucket before sending (<c>Connectors/Shopify/ShopifyCostPacer</c>); false sends at
    /// once and relies on THROTTLED answers and the queue's backoff alone (kept for comparison: <c>synclab bench engine</c>).
    /// </summary>
    public bool StorefrontPacing { get; init; } = true;

    /// <summary>
    /// Request limits the ERP and the warehouse are paced to (<c>Connectors/RequestPacer</c>): a request waits for a place in
    /// the vendor's window instead of bouncing off it with 429. None by default (<see cref="Connectors.VendorLimits.None"/>):
    /// a live engine sets the vendors' figures (<see cref="Connectors.VendorLimits.Documented"/>, or the tenant's own).
    /// </summary>
    public Connectors.VendorLimits Limits { get; init; } = Connectors.VendorLimits.None;

    public EngineStore Store { get; init; } = EngineStore.Sqlite("synclab-engine.db");

    /// <summary>
    /// Null (the default): one node works everything. Set: this node is one of several sharing the work through
    /// RabbitMQ, with its state in PostgreSQL (<see cref="Store"/> must be PostgreSQL, shared by every node).
    /// </summary>
    public Distribution.DistributionOptions? Distribution { get; init; }
}

public enum EngineStoreKind
{
    Sqlite,
    Postgres,
    InMemory,
}

/// <summary>Where the engine keeps checkpoints, id maps, the work queue, data errors and dead letters.</summary>
public sealed record EngineStore(EngineStoreKind Kind, string ConnectionString)
{
    /// <summary>
    /// SQLite only: whether every commit waits for the disk (<c>synchronous=FULL</c>, the default: a power cut loses
    /// no commit, so no order is created twice). A staging may trade that for speed (<c>NORMAL</c>): a crash of the
    /// process still loses nothing, only a power cut may lose the last commits.
    /// </summary>
    public bool SyncEveryCommit { get; init; } = true;

    public static EngineStore Sqlite(string path, bool syncEveryCommit = true) =>
        new(EngineStoreKind.Sqlite, $"Data Source={path}") { SyncEveryCommit = syncEveryCommit };

    public static EngineStore Postgres(string connectionString) => new(EngineStoreKind.Postgres, connectionString);

    /// <summary>Unit tests only: nothing survives the process.</summary>
    public static EngineStore InMemory(string name) => new(EngineStoreKind.InMemory, name);
}
