namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>Shopify's product statuses, as stored and as the ProductStatus enum spells them.</summary>
public static class ProductStatuses
{
    public const string Active = "ACTIVE";
    public const string Archived = "ARCHIVED";
    public const string Draft = "DRAFT";

    public static IReadOnlyList<string> All { get; } = [Active, Archived, Draft];
}

/// <summary>ProductVariantInventoryPolicy: DENY stops selling at zero; CONTINUE keeps selling (backorders, pre-orders).</summary>
public static class InventoryPolicies
{
    public const string Deny = "DENY";
    public const string Continue = "CONTINUE";

    public static IReadOnlyList<string> All { get; } = [Deny, Continue];
}

public sealed class ProductRecord
{
    public long Id { get; set; }

    public required string Handle { get; set; }

    public required string Title { get; set; }

    public string Status { get; set; } = ProductStatuses.Active;

    public string Vendor { get; set; } = string.Empty;

    public string ProductType { get; set; } = string.Empty;

    public string DescriptionHtml { get; set; } = string.Empty;

    /// <summary>Comma-separated, as Shopify's REST payloads carry them.</summary>
    public string Tags { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A variant and its inventory item (Shopify keeps them one-to-one).</summary>
public sealed class VariantRecord
{
    public long Id { get; set; }

    public long ProductId { get; set; }

    public int Position { get; set; } = 1;

    public string Title { get; set; } = "Default Title";

    private string? _sku;

    public string? Sku
    {
        get => _sku;
        set
        {
            _sku = value;
            SkuKey = value?.ToLowerInvariant();
        }
    }

    /// <summary>The SKU lower-cased, indexed: Shopify's <c>sku:</c> search is case-insensitive, and this finds it without lower-casing every row.</summary>
    public string? SkuKey { get; private set; }

    public string? Barcode { get; set; }

    public decimal Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    public long InventoryItemId { get; set; }

    public bool Tracked { get; set; } = true;

    /// <summary>One of <see cref="InventoryPolicies"/>.</summary>
    public string InventoryPolicy { get; set; } = InventoryPolicies.Deny;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class LocationRecord
{
    public long Id { get; set; }

    /// <summary>The estate's location code (WH01): how scenarios name it.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public bool FulfillsOnlineOrders { get; set; } = true;
}

/// <summary>
/// Quantities of one inventory item at one location, by Shopify's quantity names. <c>on_hand</c> is not
/// stored: it is available plus every unavailable state plus committed.
/// </summary>
public sealed class InventoryLevelRecord
{
    public long InventoryItemId { get; set; }

    public long LocationId { get; set; }

    public int Available { get; set; }

    public int Committed { get; set; }

    public int Reserved { get; set; }

    public int Damaged { get; set; }

    public int QualityControl { get; set; }

    public int SafetyStock { get; set; }

    public int Incoming { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int OnHand => Available + Committed + Reserved + Damaged + QualityControl + SafetyStock;
}

public sealed class WebhookSubscriptionRecord
{
    public long Id { get; set; }

    /// <summary>The WebhookSubscriptionTopic value, e.g. PRODUCTS_UPDATE.</summary>
    public required string Topic { get; set; }

    public required string CallbackUrl { get; set; }

    public string Format { get; set; } = "JSON";

    public required string ApiVersion { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>
/// One webhook to send, written in the same transaction as the change it reports (an outbox), so a
/// crash between the change and the send loses nothing; the dispatcher sends and retries it.
/// </summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }

    public long SubscriptionId { get; set; }

    /// <summary>The REST-style topic sent as X-Shopify-Topic, e.g. products/update.</summary>
    public required string Topic { get; set; }

    public required string CallbackUrl { get; set; }

    public required string Payload { get; set; }

    public required string WebhookId { get; set; }

    public required string EventId { get; set; }

    public DateTimeOffset TriggeredAt { get; set; }

    public string Status { get; set; } = DeliveryStatuses.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }
}
