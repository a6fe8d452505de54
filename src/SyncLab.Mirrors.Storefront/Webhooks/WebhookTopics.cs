namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>The WebhookSubscriptionTopic values the mirror accepts, and the REST topic each is delivered as (X-Shopify-Topic).</summary>
public static class WebhookTopics
{
    public const string ProductsUpdate = "PRODUCTS_UPDATE";
    public const string InventoryLevelsUpdate = "INVENTORY_LEVELS_UPDATE";
    public const string OrdersCreate = "ORDERS_CREATE";

    /// <summary>Subscribable topics. ORDERS_CREATE and PRODUCTS_CREATE are accepted but nothing in the mirror raises them yet.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ProductsUpdate] = "products/update",
        ["PRODUCTS_CREATE"] = "products/create",
        [InventoryLevelsUpdate] = "inventory_levels/update",
        [OrdersCreate] = "orders/create",
    };
}
