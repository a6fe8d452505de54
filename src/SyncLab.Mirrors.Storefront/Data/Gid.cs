using System.Globalization;

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
