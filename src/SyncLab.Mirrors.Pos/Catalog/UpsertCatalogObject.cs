using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Catalog;

/// <summary>
/// <c>POST /v2/catalog/object</c> (UpsertCatalogObject): creates an ITEM with its ITEM_VARIATION (ids starting
/// with <c>#</c> are the client's, answered in <c>id_mappings</c>) or updates one (name, archived, the variation's
/// SKU and price), idempotent by <c>idempotency_key</c>. An update carrying a <c>version</c> other than the stored
/// one is refused with <c>VERSION_MISMATCH</c>, as Square does. This catalog holds one variation per item.
/// </summary>
public static class UpsertCatalogObject
{
    public const string Operation = "UpsertCatalogObject";

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/catalog/object", HandleAsync);

    public static async Task<Results<JsonHttpResult<UpsertCatalogObjectResponse>, ContentHttpResult, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, PosRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<UpsertCatalogObjectRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var upsert = body.Value!;
        if (Validate(upsert) is { } invalid)
        {
            return invalid.ToResult();
        }

        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var (replay, reused) = await SquareIdempotency.CheckAsync(db, Operation, upsert.IdempotencyKey!, body.Canonical, cancellationToken);
            if (reused is not null)
            {
                return reused.ToResult();
            }
            if (replay is not null)
            {
                return replay.ToResult();
            }
            var item = upsert.CatalogObject!;
            var variation = item.ItemData!.Variations![0];
            var currency = await db.Locations.AsNoTracking().OrderBy(l => l.Ordinal).Select(l => l.Currency).FirstOrDefaultAsync(cancellationToken) ?? "USD";
            if (variation.ItemVariationData?.PriceMoney is { } money && !string.Equals(money.Currency, currency, StringComparison.Ordinal))
            {
                return SquareErrors.Invalid("CURRENCY_MISMATCH", "object.item_data.variations[0].item_variation_data.price_money.currency",
                    $"The currency must be the seller's currency, {currency}.").ToResult();
            }
            var now = clock.GetUtcNow();
            UpsertCatalogObjectResponse response;
            string effect;
            if (item.Id.StartsWith('#'))
            {
                var ordinal = await db.Catalog.CountAsync(cancellationToken);
                var sku = variation.ItemVariationData?.Sku ?? string.Empty;
                var entry = new PosCatalogEntry
                {
                    ItemId = SquareIds.CreatedItem(ordinal),
                    VariationId = SquareIds.CreatedVariation(ordinal),
                    Sku = sku,
                    SkuKey = sku.ToUpperInvariant(),
                    Name = item.ItemData.Name!,
                    SearchText = PosSeed.SearchText(item.ItemData.Name!, sku, variation.ItemVariationData?.Upc),
                    Upc = variation.ItemVariationData?.Upc,
                    PriceAmount = variation.ItemVariationData?.PriceMoney?.Amount ?? 0,
                    Currency = currency,
                    Version = now.ToUnixTimeMilliseconds(),
                    UpdatedAt = now,
                    Ordinal = ordinal,
                    IsArchived = item.ItemData.IsArchived ?? false,
                };
                db.Catalog.Add(entry);
                response = new UpsertCatalogObjectResponse(CatalogObjects.Item(entry), [new(item.Id, entry.ItemId), new(variation.Id, entry.VariationId)]);
                effect = $"catalog item {entry.ItemId} created: {entry.Sku} at {Amount(entry.PriceAmount)} {entry.Currency}{(entry.IsArchived ? ", archived" : string.Empty)}";
            }
            else
            {
                var entry = await db.Catalog.FirstOrDefaultAsync(c => c.ItemId == item.Id, cancellationToken);
                if (entry is null)
                {
                    return SquareErrors.NotFound($"Catalog object '{item.Id}' was not found.", "object.id").ToResult();
                }
                if (variation.Id != entry.VariationId)
                {
                    return SquareErrors.InvalidValue("object.item_data.variations[0].id", $"'{variation.Id}' is not the variation of item '{entry.ItemId}'.").ToResult();
                }
                if (item.Version is { } version && version != entry.Version)
                {
                    return SquareErrors.Invalid("VERSION_MISMATCH", "object.version", "Object version does not match latest database version.").ToResult();
                }
                var changes = Apply(entry, item, variation);
                entry.Version = Math.Max(entry.Version + 1, now.ToUnixTimeMilliseconds());
                entry.UpdatedAt = now;
                response = new UpsertCatalogObjectResponse(CatalogObjects.Item(entry), null);
                effect = $"catalog item {entry.ItemId} ({entry.Sku}) updated: {(changes.Count == 0 ? "nothing changed" : string.Join(", ", changes))}";
            }
            SquareIdempotency.Remember(db, Operation, upsert.IdempotencyKey!, body.Canonical, response);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect(effect, request.Path);
            return TypedResults.Json(response, SquareJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Pure: what the request gets wrong, with Square's field path; null when it can be applied.</summary>
    public static SquareFailure? Validate(UpsertCatalogObjectRequest upsert)
    {
        if (string.IsNullOrEmpty(upsert.IdempotencyKey))
        {
            return SquareErrors.Missing("idempotency_key");
        }
        if (upsert.IdempotencyKey.Length > 128)
        {
            return SquareErrors.Invalid("VALUE_TOO_LONG", "idempotency_key", "idempotency_key must be at most 128 characters.");
        }
        if (upsert.CatalogObject is not { } item)
        {
            return SquareErrors.Missing("object");
        }
        if (string.IsNullOrEmpty(item.Type))
        {
            return SquareErrors.Missing("object.type");
        }
        if (!CatalogObjects.KnownTypes.Contains(item.Type))
        {
            return SquareErrors.Invalid("INVALID_ENUM_VALUE", "object.type", $"'{item.Type}' is not a CatalogObjectType.");
        }
        if (item.Type != CatalogObjects.ItemType)
        {
            return SquareErrors.InvalidValue("object.type", "This catalog holds items with one variation each: upsert the ITEM with its variation.");
        }
        if (string.IsNullOrEmpty(item.Id))
        {
            return SquareErrors.Missing("object.id");
        }
        var creating = item.Id.StartsWith('#');
        if (item.ItemData is not { } data)
        {
            return SquareErrors.Missing("object.item_data");
        }
        if (creating && string.IsNullOrWhiteSpace(data.Name))
        {
            return SquareErrors.Missing("object.item_data.name");
        }
        if (data.Variations is not { Count: 1 } variations)
        {
            return SquareErrors.InvalidValue("object.item_data.variations", "This catalog holds exactly one variation per item.");
        }
        var variation = variations[0];
        const string At = "object.item_data.variations[0]";
        if (variation.Type != CatalogObjects.VariationType)
        {
            return SquareErrors.InvalidValue($"{At}.type", "A variation must be an ITEM_VARIATION.");
        }
        if (string.IsNullOrEmpty(variation.Id))
        {
            return SquareErrors.Missing($"{At}.id");
        }
        if (creating != variation.Id.StartsWith('#'))
        {
            return SquareErrors.InvalidValue($"{At}.id", "A new item's variation is new too (an id starting with '#'), an existing item's is its own.");
        }
        if (variation.ItemVariationData is not { } v)
        {
            return creating ? SquareErrors.Missing($"{At}.item_variation_data") : null;
        }
        if (v.PricingType is not (null or "FIXED_PRICING" or "VARIABLE_PRICING"))
        {
            return SquareErrors.Invalid("INVALID_ENUM_VALUE", $"{At}.item_variation_data.pricing_type", $"'{v.PricingType}' is not a CatalogPricingType.");
        }
        if (creating && v.PriceMoney is null)
        {
            return SquareErrors.Missing($"{At}.item_variation_data.price_money");
        }
        if (v.PriceMoney is { Amount: < 0 })
        {
            return SquareErrors.Invalid("VALUE_TOO_LOW", $"{At}.item_variation_data.price_money.amount", "The amount must not be negative.");
        }
        if (v.PriceMoney is { Currency: null or "" })
        {
            return SquareErrors.Missing($"{At}.item_variation_data.price_money.currency");
        }
        return null;
    }

    private static string Amount(long cents) => (cents / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Apply(PosCatalogEntry entry, CatalogObject item, CatalogObject variation)
    {
        var changes = new List<string>();
        if (item.ItemData!.Name is { Length: > 0 } name && name != entry.Name)
        {
            entry.Name = name;
            entry.SearchText = PosSeed.SearchText(name, entry.Sku, entry.Upc);
            changes.Add($"name '{name}'");
        }
        if (item.ItemData.IsArchived is { } archived && archived != entry.IsArchived)
        {
            entry.IsArchived = archived;
            changes.Add(archived ? "archived" : "unarchived");
        }
        if (variation.ItemVariationData?.PriceMoney is { } price && price.Amount != entry.PriceAmount)
        {
            changes.Add($"price {Amount(entry.PriceAmount)} -> {Amount(price.Amount)}");
            entry.PriceAmount = price.Amount;
        }
        return changes;
    }
}

public sealed record UpsertCatalogObjectRequest
{
    public string? IdempotencyKey { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("object")]
    public CatalogObject? CatalogObject { get; init; }
}

public sealed record UpsertCatalogObjectResponse(CatalogObject CatalogObject, IReadOnlyList<CatalogIdMapping>? IdMappings);

public sealed record CatalogIdMapping(string ClientObjectId, string ObjectId);
