using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>
/// Webhook bodies in Shopify's REST shape (snake_case, money as strings, times in the shop's zone with
/// offset), which JSON subscriptions receive whatever API the app uses.
/// </summary>
public static class WebhookPayloads
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Product(ProductNode node, TimeProvider clock)
    {
        var p = node.Row;
        var payload = new ProductPayload(
            AdminGraphqlApiId: Gid.Product(p.Id),
            BodyHtml: p.DescriptionHtml,
            CreatedAt: Local(p.CreatedAt, clock),
            Handle: p.Handle,
            Id: p.Id,
            ProductType: p.ProductType,
            PublishedAt: p.Status == ProductStatuses.Active ? Local(p.CreatedAt, clock) : null,
            TemplateSuffix: null,
            Title: p.Title,
            UpdatedAt: Local(p.UpdatedAt, clock),
            Vendor: p.Vendor,
            Status: p.Status.ToLowerInvariant(),
            PublishedScope: "web",
            Tags: p.Tags,
            Variants: node.Variants.Select(v => new VariantPayload(
                AdminGraphqlApiId: Gid.Variant(v.Row.Id),
                Barcode: v.Row.Barcode,
                CompareAtPrice: v.Row.CompareAtPrice is { } c ? MoneyGraphType.Format(c) : null,
                CreatedAt: Local(v.Row.CreatedAt, clock),
                Id: v.Row.Id,
                InventoryPolicy: v.Row.InventoryPolicy.ToLowerInvariant(),
                Position: v.Row.Position,
                Price: MoneyGraphType.Format(v.Row.Price),
                ProductId: p.Id,
                Sku: v.Row.Sku,
                Taxable: true,
                Title: v.Row.Title,
                UpdatedAt: Local(v.Row.UpdatedAt, clock),
                Option1: v.Row.Title,
                Option2: null,
                Option3: null,
                ImageId: null,
                InventoryItemId: v.Row.InventoryItemId,
                InventoryQuantity: v.Available,
                OldInventoryQuantity: v.Available)).ToList(),
            Options: [new OptionPayload("Title", p.Id, p.Id, 1, node.Variants.Select(v => v.Row.Title).Distinct().ToList())],
            Images: [],
            Image: null,
            Media: [],
            VariantGids: node.Variants.Select(v => new VariantGidPayload(Gid.Variant(v.Row.Id), Utc(v.Row.UpdatedAt))).ToList());
        return JsonSerializer.Serialize(payload, Json);
    }

    public static string InventoryLevel(InventoryLevelRecord level, TimeProvider clock) =>
        JsonSerializer.Serialize(
            new InventoryLevelPayload(
                level.InventoryItemId,
                level.LocationId,
                level.Available,
                Local(level.UpdatedAt, clock),
                Gid.InventoryLevel(level.LocationId, level.InventoryItemId)),
            Json);

    /// <summary>Shopify's REST times: the shop's local time with its offset, e.g. 2026-11-02T03:00:00-06:00.</summary>
    public static string Local(DateTimeOffset at, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record ProductPayload(
        string AdminGraphqlApiId, string BodyHtml, string CreatedAt, string Handle, long Id, string ProductType, string? PublishedAt,
        string? TemplateSuffix, string Title, string UpdatedAt, string Vendor, string Status, string PublishedScope, string Tags,
        IReadOnlyList<VariantPayload> Variants, IReadOnlyList<OptionPayload> Options, IReadOnlyList<object> Images, object? Image,
        IReadOnlyList<object> Media, IReadOnlyList<VariantGidPayload> VariantGids);

    private sealed record VariantPayload(
        string AdminGraphqlApiId, string? Barcode, string? CompareAtPrice, string CreatedAt, long Id, string InventoryPolicy, int Position,
        string Price, long ProductId, string? Sku, bool Taxable, string Title, string UpdatedAt, string? Option1, string? Option2,
        string? Option3, long? ImageId, long InventoryItemId, int InventoryQuantity, int OldInventoryQuantity);

    private sealed record OptionPayload(string Name, long Id, long ProductId, int Position, IReadOnlyList<string> Values);

    private sealed record VariantGidPayload(string AdminGraphqlApiId, string UpdatedAt);

    private sealed record InventoryLevelPayload(long InventoryItemId, long LocationId, int Available, string UpdatedAt, string AdminGraphqlApiId);
}
