using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>Shopify global ids: <c>gid://shopify/Product/123</c>; inventory levels carry the item as a query.</summary>
public static class Gid
{
    private const string Prefix = "gid://shopify/";

    public static string Of(string type, long id) => $"{Prefix}{type}/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Product(long id) => Of("Product", id);

    public static string Variant(long id) => Of("ProductVariant", id);

    public static string InventoryItem(long id) => Of("InventoryItem", id);

    public static string Location(long id) => Of("Location", id);

    public static string WebhookSubscription(long id) => Of("WebhookSubscription", id);

    public static string Customer(long id) => Of("Customer", id);

    public static string Order(long id) => Of("Order", id);

    public static string LineItem(long id) => Of("LineItem", id);

    public static string FulfillmentOrder(long id) => Of("FulfillmentOrder", id);

    public static string FulfillmentOrderLineItem(long id) => Of("FulfillmentOrderLineItem", id);

    public static string Fulfillment(long id) => Of("Fulfillment", id);

    public static string FulfillmentLineItem(long id) => Of("FulfillmentLineItem", id);

    public static string Refund(long id) => Of("Refund", id);

    public static string RefundLineItem(long id) => Of("RefundLineItem", id);

    public static string Transaction(long id) => Of("OrderTransaction", id);

    /// <summary>Shopify marks which model a mailing address belongs to in its gid.</summary>
    public static string MailingAddress(long id, bool ofCustomer) =>
        $"{Of("MailingAddress", id)}?model_name={(ofCustomer ? "CustomerAddress" : "Address")}";

    /// <summary>Jobs are UUIDs at Shopify; the mirror derives one from what the job did, so it stays deterministic.</summary>
    public static string Job(string kind, long subjectId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{kind}:{subjectId}")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return $"{Prefix}Job/{new Guid(bytes, bigEndian: true)}";
    }

    public static string InventoryLevel(long locationId, long inventoryItemId) =>
        $"{Of("InventoryLevel", locationId)}?inventory_item_id={inventoryItemId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The numeric id of a gid of <paramref name="type"/>; null when it is not one (wrong type, malformed).</summary>
    public static long? TryParse(string? gid, string type)
    {
        if (gid is null || !gid.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = gid.AsSpan(Prefix.Length);
        if (!rest.StartsWith(type, StringComparison.Ordinal) || rest.Length <= type.Length + 1 || rest[type.Length] != '/')
        {
            return null;
        }
        var digits = rest[(type.Length + 1)..];
        var query = digits.IndexOf('?');
        if (query >= 0)
        {
            digits = digits[..query];
        }
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
