using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

/// <summary>A Shopify enum with the subset of values the mirror uses; each value is its own name.</summary>
public abstract class NamedEnumGraphType : EnumerationGraphType
{
    protected NamedEnumGraphType(string name, IEnumerable<string> values)
    {
        Name = name;
        foreach (var value in values)
        {
            Add(value, value);
        }
    }
}

public sealed class ProductStatusGraphType() : NamedEnumGraphType("ProductStatus", ProductStatuses.All);

public sealed class ProductVariantInventoryPolicyGraphType() : NamedEnumGraphType("ProductVariantInventoryPolicy", InventoryPolicies.All);

public sealed class ProductSetUserErrorCodeGraphType() : NamedEnumGraphType("ProductSetUserErrorCode",
    ["INVALID_INPUT", "INVALID_VARIANT", "VARIANTS_INPUT_MISSING", "PRODUCT_OPTIONS_INPUT_MISSING", "HANDLE_NOT_UNIQUE", "DUPLICATED_VALUE", "PRODUCT_DOES_NOT_EXIST"]);

public sealed class ProductVariantsBulkUpdateUserErrorCodeGraphType() : NamedEnumGraphType("ProductVariantsBulkUpdateUserErrorCode",
    ["INVALID_INPUT", "PRODUCT_DOES_NOT_EXIST", "PRODUCT_VARIANT_ID_MISSING", "PRODUCT_VARIANT_DOES_NOT_EXIST", "MUST_BE_FOR_THIS_PRODUCT", "GREATER_THAN_OR_EQUAL_TO"]);

public sealed class InventorySetQuantitiesUserErrorCodeGraphType() : NamedEnumGraphType("InventorySetQuantitiesUserErrorCode",
    ["INVALID_INVENTORY_ITEM", "INVALID_LOCATION", "INVALID_QUANTITY_NEGATIVE", "INVALID_REASON", "ITEM_NOT_STOCKED_AT_LOCATION",
     "INVALID_QUANTITY_TOO_HIGH", "INVALID_QUANTITY_TOO_LOW", "COMPARE_QUANTITY_REQUIRED", "COMPARE_QUANTITY_STALE", "INVALID_NAME",
     "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"]);

public sealed class InventoryAdjustQuantitiesUserErrorCodeGraphType() : NamedEnumGraphType("InventoryAdjustQuantitiesUserErrorCode",
    ["INVALID_INVENTORY_ITEM", "INVALID_LOCATION", "INVALID_QUANTITY_NAME", "INVALID_QUANTITY_TOO_LOW", "INVALID_QUANTITY_TOO_HIGH",
     "INVALID_REASON", "ITEM_NOT_STOCKED_AT_LOCATION"]);

public sealed class WebhookSubscriptionTopicGraphType() : NamedEnumGraphType("WebhookSubscriptionTopic", Webhooks.WebhookTopics.All.Keys);

public sealed class WebhookSubscriptionFormatGraphType() : NamedEnumGraphType("WebhookSubscriptionFormat", ["JSON"]);
