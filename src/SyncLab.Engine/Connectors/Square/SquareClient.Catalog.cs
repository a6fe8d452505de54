using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Catalog;

namespace SyncLab.Engine.Connectors.Square;

/// <summary>
/// A Square catalog ITEM with its (single) ITEM_VARIATION, as the engine needs it: ids, version, SKU, price, archived;
/// <see cref="Raw"/> is the ITEM as Square answered it, which an update sends back changed (Square replaces the whole object).
/// </summary>
public sealed record SquareCatalogItem(string ItemId, string VariationId, long Version, string Sku, string Name, decimal Price, string Currency, bool Archived)
{
    public JsonObject? Raw { get; init; }
}

/// <summary>What the engine writes to a Square item: a new one (no ids) or an existing one at its version.</summary>
public sealed record SquareItemWrite(string Sku, string Name, decimal Price, string Currency, bool Archived, SquareCatalogItem? Existing = null);

/// <summary>
/// The catalog and stock writes of the POS legs (new products, till prices, items hidden at the till, web stock at
/// the stores that sell it): <c>SearchCatalogObjects</c> by SKU, <c>UpsertCatalogObject</c> and
/// <c>BatchChangeInventory</c> PHYSICAL_COUNTs, each write under an idempotency key derived from what it writes,
/// so a retry after a lost answer is answered, not applied twice.
/// </summary>
public sealed partial class SquareClient
{
    /// <summary>The item whose variation carries <paramref name="sku"/> (canonical, any case in Square); null when the till has none.</summary>
    public async Task<SquareCatalogItem?> CatalogItemBySkuAsync(string sku, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["object_types"] = new[] { "ITEM_VARIATION" },
            ["include_related_objects"] = true,
            ["query"] = new { exact_query = new { attribute_name = "sku", attribute_value = sku } },
        };
        var raw = await SendAsync<JsonObject>(HttpMethod.Post, "v2/catalog/search", body, ct);
        var answer = raw.Deserialize<SearchAnswer>(Json)!;
        var variation = answer.Objects?.FirstOrDefault(o => o.Type == "ITEM_VARIATION" && SkuRules.Canonical(o.ItemVariationData?.Sku ?? string.Empty) == sku);
        if (variation?.ItemVariationData is not { ItemId: { } itemId } data)
        {
            return null;
        }
        var item = answer.RelatedObjects?.FirstOrDefault(o => o.Id == itemId);
        return ItemOf(itemId, item, variation, data, sku) with
        {
            Raw = raw["related_objects"]?.AsArray().FirstOrDefault(o => (string?)o?["id"] == itemId)?.DeepClone().AsObject(),
        };
    }

    private static SquareCatalogItem ItemOf(string itemId, CatalogObjectEntry? item, CatalogObjectEntry variation, VariationEntry data, string sku) =>
        new(itemId, variation.Id, item?.Version ?? variation.Version ?? 0, sku, item?.ItemData?.Name ?? string.Empty,
            (data.PriceMoney?.Amount ?? 0) / 100m, data.PriceMoney?.Currency ?? string.Empty, item?.ItemData?.IsArchived ?? false);

    /// <summary>
    /// Every item of the till's catalog with its variation (<c>ListCatalog</c>, types ITEM: Square nests the variations),
    /// by canonical SKU; for the nightly reconciliation, which compares till prices and what is hidden with the ERP.
    /// </summary>
    public async Task<IReadOnlyList<SquareCatalogItem>> CatalogItemsAsync(CancellationToken ct)
    {
        var items = new List<SquareCatalogItem>();
        string? cursor = null;
        do
        {
            var page = await SendAsync<ItemPage>(HttpMethod.Get, "v2/catalog/list?types=ITEM" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"), null, ct);
            foreach (var item in page.Objects ?? [])
            {
                if (item.Type == "ITEM" && item.ItemData?.Variations?.FirstOrDefault() is { ItemVariationData: { Sku: { Length: > 0 } sku } data } variation)
                {
                    items.Add(ItemOf(item.Id, item, variation, data, SkuRules.Canonical(sku)));
                }
            }
            cursor = page.Cursor;
        }
        while (!string.IsNullOrEmpty(cursor));
        return items;
    }

    /// <summary>
    /// Creates or updates the item. An update sends back the ITEM as it was read, at its version, with the price and
    /// archived flag changed (Square's upsert replaces the whole object, so nothing else the store keeps is lost); a version
    /// conflict (someone changed it since it was read) is transient: read again, retry.
    /// </summary>
    public async Task<SquareCatalogItem> UpsertItemAsync(SquareItemWrite write, CancellationToken ct)
    {
        var existing = write.Existing;
        var item = existing is null ? NewItem(write) : Changed(existing, write);
        var key = IdempotencyKey("item", write.Sku, existing?.Version.ToString(CultureInfo.InvariantCulture) ?? "new:" + write.Name + ":" + write.Currency, write.Price.ToString("0.00", CultureInfo.InvariantCulture), write.Archived ? "archived" : "sold");
        try
        {
            var answer = await SendAsync<UpsertAnswer>(HttpMethod.Post, "v2/catalog/object", new JsonObject { ["idempotency_key"] = key, ["object"] = item }, ct);
            var saved = answer.CatalogObject;
            var savedVariation = saved.ItemData?.Variations?.FirstOrDefault();
            if (existing is null)
            {
                // A new variation: the SKU map is read again when next asked.
                _variationsBySku = null;
            }
            return new SquareCatalogItem(
                saved.Id, savedVariation?.Id ?? existing?.VariationId ?? string.Empty, saved.Version ?? 0, write.Sku, saved.ItemData?.Name ?? write.Name,
                write.Price, write.Currency, saved.ItemData?.IsArchived ?? write.Archived);
        }
        catch (VendorCallException e) when (e.Status == HttpStatusCode.BadRequest && e.Message.Contains("VERSION_MISMATCH", StringComparison.Ordinal))
        {
            throw new VendorCallException(System, $"catalog item of {write.Sku} changed since it was read", transient: true);
        }
    }

    /// <summary>The seller's currency (its first location's).</summary>
    public async Task<string> CurrencyAsync(CancellationToken ct) =>
        (await LocationsAsync(ct)).Select(l => l.Currency).FirstOrDefault(c => !string.IsNullOrEmpty(c))
        ?? throw new VendorCallException(System, "no location says which currency the seller uses", transient: false);

    /// <summary>
    /// Sets the IN_STOCK count of a variation at each location (PHYSICAL_COUNT: a set, not an adjustment), counted at
    /// <paramref name="countedAt"/>: the same count sent again has the same body and key, so Square answers it once.
    /// </summary>
    public async Task SetInStockAsync(string variationId, IReadOnlyCollection<string> locationIds, decimal quantity, DateTimeOffset countedAt, CancellationToken ct)
    {
        var occurredAt = countedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var changes = locationIds.Select(location => new
        {
            type = "PHYSICAL_COUNT",
            physical_count = new
            {
                catalog_object_id = variationId,
                location_id = location,
                state = "IN_STOCK",
                quantity = quantity.ToString("0", CultureInfo.InvariantCulture),
                occurred_at = occurredAt,
            },
        }).ToList();
        var key = IdempotencyKey("count", variationId, occurredAt, string.Join(',', locationIds), quantity.ToString("0", CultureInfo.InvariantCulture));
        await SendAsync<CountPage>(HttpMethod.Post, "v2/inventory/changes/batch-create", new Dictionary<string, object?> { ["idempotency_key"] = key, ["changes"] = changes, ["ignore_unchanged_counts"] = true }, ct);
    }

    private static JsonObject NewItem(SquareItemWrite write) => new()
    {
        ["type"] = "ITEM",
        ["id"] = "#item",
        ["present_at_all_locations"] = true,
        ["item_data"] = new JsonObject
        {
            ["name"] = write.Name,
            ["is_archived"] = write.Archived,
            ["variations"] = new JsonArray(new JsonObject
            {
                ["type"] = "ITEM_VARIATION",
                ["id"] = "#variation",
                ["present_at_all_locations"] = true,
                ["item_variation_data"] = new JsonObject
                {
                    ["name"] = "Regular",
                    ["sku"] = write.Sku,
                    ["pricing_type"] = "FIXED_PRICING",
                    ["price_money"] = Money(write),
                    ["track_inventory"] = true,
                },
            }),
        },
    };

    private static JsonObject Changed(SquareCatalogItem existing, SquareItemWrite write)
    {
        var item = existing.Raw?.DeepClone().AsObject()
            ?? throw new VendorCallException(System, $"the catalog item of {write.Sku} was not read whole", transient: true);
        var data = item["item_data"] as JsonObject ?? throw new VendorCallException(System, $"the catalog item of {write.Sku} has no item_data", transient: false);
        data["is_archived"] = write.Archived;
        var variation = data["variations"]?.AsArray().FirstOrDefault(v => (string?)v?["id"] == existing.VariationId)?["item_variation_data"] as JsonObject
            ?? throw new VendorCallException(System, $"the catalog item of {write.Sku} does not carry its variation", transient: false);
        variation["pricing_type"] = "FIXED_PRICING";
        variation["price_money"] = Money(write);
        item["version"] = existing.Version;
        return item;
    }

    private static JsonObject Money(SquareItemWrite write) => new() { ["amount"] = Cents(write.Price), ["currency"] = write.Currency };

    private static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>The same write always gets the same key (at most 128 characters, as Square allows).</summary>
    private static string IdempotencyKey(params string[] parts) =>
        "synclab-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));

    private sealed record ItemPage(List<CatalogObjectEntry>? Objects, string? Cursor);

    private sealed record SearchAnswer(List<CatalogObjectEntry>? Objects, List<CatalogObjectEntry>? RelatedObjects);

    private sealed record UpsertAnswer(CatalogObjectEntry CatalogObject);

    private sealed record CatalogObjectEntry(string Type, string Id, long? Version, ItemEntry? ItemData, VariationEntry? ItemVariationData);

    private sealed record ItemEntry(string? Name, bool? IsArchived, List<CatalogObjectEntry>? Variations);

    private sealed record VariationEntry(string? ItemId, string? Sku, MoneyEntry? PriceMoney);

    private sealed record MoneyEntry(long Amount, string? Currency);
}
