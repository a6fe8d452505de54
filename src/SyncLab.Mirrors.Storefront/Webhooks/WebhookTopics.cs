namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>The WebhookSubscriptionTopic values the mirror accepts, and the REST topic each is delivered as (X-Shopify-Topic).</summary>
public static class WebhookTopics
{
    public const string ProductsUpdate = "PRODUCTS_UPDATE";
    public const string ProductsCreate = "PRODUCTS_CREATE";
    public const string InventoryLevelsUpdate = "INVENTORY_LEVELS_UPDATE";
    public const string OrdersCreate = "ORDERS_CREATE";
    public const string OrdersPaid = "ORDERS_PAID";
    public const string OrdersUpdated = "ORDERS_UPDATED";
    public const string OrdersCancelled = "ORDERS_CANCELLED";
    public const string OrdersFulfilled = "ORDERS_FULFILLED";
    public const string OrdersPartiallyFulfilled = "ORDERS_PARTIALLY_FULFILLED";
    public const string FulfillmentsCreate = "FULFILLMENTS_CREATE";
    public const string RefundsCreate = "REFUNDS_CREATE";
    public const string CustomersCreate = "CUSTOMERS_CREATE";
    public const string CustomersUpdate = "CUSTOMERS_UPDATE";
    public const string CustomersEmailMarketingConsentUpdate = "CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE";

    /// <summary>Mandatory compliance (GDPR) topics: an app subscribes to them in its configuration, never through the API.</summary>
    public const string CustomersRedact = "CUSTOMERS_REDACT";
    public const string CustomersDataRequest = "CUSTOMERS_DATA_REQUEST";
    public const string ShopRedact = "SHOP_REDACT";

    /// <summary>Subscribable topics.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ProductsUpdate] = "products/update",
        [ProductsCreate] = "products/create",
        [InventoryLevelsUpdate] = "inventory_levels/update",
        [OrdersCreate] = "orders/create",
        [OrdersPaid] = "orders/paid",
        [OrdersUpdated] = "orders/updated",
        [OrdersCancelled] = "orders/cancelled",
        [OrdersFulfilled] = "orders/fulfilled",
        [OrdersPartiallyFulfilled] = "orders/partially_fulfilled",
        [FulfillmentsCreate] = "fulfillments/create",
        [RefundsCreate] = "refunds/create",
        [CustomersCreate] = "customers/create",
        [CustomersUpdate] = "customers/update",
        [CustomersEmailMarketingConsentUpdate] = "customers/email_marketing_consent_update",
    };

    /// <summary>The compliance topics, registered through SyncLab's admin API (as an app's configuration file would).</summary>
    public static IReadOnlyDictionary<string, string> Compliance { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CustomersDataRequest] = "customers/data_request",
        [CustomersRedact] = "customers/redact",
        [ShopRedact] = "shop/redact",
    };

    /// <summary>The REST topic a delivery of <paramref name="topic"/> carries in X-Shopify-Topic.</summary>
    public static string Rest(string topic) => All.TryGetValue(topic, out var rest) ? rest : Compliance[topic];
}
