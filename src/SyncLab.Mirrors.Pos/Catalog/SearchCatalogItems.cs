using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Catalog;

/// <summary>
/// <c>POST /v2/catalog/search-catalog-items</c> (SearchCatalogItems): <c>text_filter</c> over item name and
/// variation name, sku and upc; returns items, and the ids of the variations that matched.
/// </summary>
public static class SearchCatalogItems
{
    public const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/catalog/search-catalog-items", HandleAsync);

    public static async Task<Results<JsonHttpResult<SearchCatalogItemsResponse>, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<SearchCatalogItemsRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var search = body.Value!;
        var failure = Validate(search);
        if (failure is not null || !SquareCursor.TryDecode(search.Cursor, out var offset, out failure))
        {
            return failure!.ToResult();
        }
        var limit = search.Limit ?? MaxLimit;
        var tokens = (search.TextFilter ?? string.Empty).ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var candidates = db.Catalog.AsNoTracking();
        foreach (var token in tokens)
        {
            candidates = candidates.Where(c => c.SearchText.Contains(token));
        }
        // Square's default is the items not archived: what the till offers.
        candidates = search.ArchivedState switch
        {
            "ARCHIVED_STATE_ARCHIVED" => candidates.Where(c => c.IsArchived),
            "ARCHIVED_STATE_ALL" => candidates,
            _ => candidates.Where(c => !c.IsArchived),
        };
        var rows = NoneCanMatch(search) ? [] : await candidates.ToListAsync(cancellationToken);
        if (search.StockLevels is { Count: > 0 } levels)
        {
            rows = await FilterByStockAsync(db, rows, levels, search.EnabledLocationIds, cancellationToken);
        }
        var descending = search.SortOrder == "DESC";
        var ordered = descending
            ? rows.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenByDescending(r => r.Ordinal)
            : rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Ordinal);
        var page = ordered.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit).ToList();
        var matchedVariations = tokens.Length == 0
            ? []
            : page.Where(e => tokens.All(t => $"REGULAR {e.SkuKey} {e.Upc}".Contains(t, StringComparison.Ordinal))).Select(e => e.VariationId).ToList();
        var cursor = SquareCursor.Next(offset + page.Count, offset + page.Count < rows.Count);
        return TypedResults.Json(
            new SearchCatalogItemsResponse(page.Select(CatalogObjects.Item).ToList(), cursor, matchedVariations.Count > 0 ? matchedVariations : null),
            SquareJson.Options);
    }

    private static SquareFailure? Validate(SearchCatalogItemsRequest search)
    {
        if (search.Limit is < 1)
        {
            return SquareErrors.Invalid("VALUE_TOO_LOW", "limit", "limit must be at least 1.");
        }
        if (search.Limit is > MaxLimit)
        {
            return SquareErrors.Invalid("VALUE_TOO_HIGH", "limit", $"limit must be at most {MaxLimit}.");
        }
        if (search.ArchivedState is not (null or "ARCHIVED_STATE_NOT_ARCHIVED" or "ARCHIVED_STATE_ARCHIVED" or "ARCHIVED_STATE_ALL"))
        {
            return SquareErrors.Invalid("INVALID_ENUM_VALUE", "archived_state", $"'{search.ArchivedState}' is not an ArchivedState.");
        }
        if (search.SortOrder is not (null or "ASC" or "DESC"))
        {
            return SquareErrors.Invalid("INVALID_ENUM_VALUE", "sort_order", $"'{search.SortOrder}' is not a SortOrder.");
        }
        for (var i = 0; i < (search.StockLevels?.Count ?? 0); i++)
        {
            if (search.StockLevels![i] is not ("OUT" or "LOW"))
            {
                return SquareErrors.Invalid("INVALID_ENUM_VALUE", $"stock_levels[{i}]", $"'{search.StockLevels[i]}' is not a stock level.");
            }
        }
        return null;
    }

    /// <summary>Filters this catalog cannot satisfy: it has no categories or custom attributes, and only REGULAR products.</summary>
    private static bool NoneCanMatch(SearchCatalogItemsRequest search) =>
        search.CategoryIds is { Count: > 0 }
        || search.CustomAttributeFilters is { Count: > 0 }
        || (search.ProductTypes is { Count: > 0 } types && !types.Contains("REGULAR"));

    /// <summary>OUT: nothing in stock at the enabled locations (all locations if none given); LOW needs alert thresholds, which no variation has.</summary>
    private static async Task<List<PosCatalogEntry>> FilterByStockAsync(
        PosDb db, List<PosCatalogEntry> rows, IReadOnlyList<string> levels, IReadOnlyList<string>? locationIds, CancellationToken cancellationToken)
    {
        if (!levels.Contains("OUT"))
        {
            return [];
        }
        var counts = db.Counts.AsNoTracking().Where(c => c.State == PosSeed.InStock);
        if (locationIds is { Count: > 0 })
        {
            counts = counts.Where(c => locationIds.Contains(c.LocationId));
        }
        // Compared in memory: SQLite stores decimals as text and cannot compare them in SQL.
        var all = await counts.Select(c => new { c.CatalogObjectId, c.Quantity }).ToListAsync(cancellationToken);
        var inStock = all.Where(c => c.Quantity > 0).Select(c => c.CatalogObjectId).ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => !inStock.Contains(r.VariationId)).ToList();
    }
}

public sealed record SearchCatalogItemsRequest
{
    public string? TextFilter { get; init; }

    public IReadOnlyList<string>? CategoryIds { get; init; }

    public IReadOnlyList<string>? StockLevels { get; init; }

    public IReadOnlyList<string>? EnabledLocationIds { get; init; }

    public string? Cursor { get; init; }

    public int? Limit { get; init; }

    public string? SortOrder { get; init; }

    public IReadOnlyList<string>? ProductTypes { get; init; }

    public IReadOnlyList<JsonElement>? CustomAttributeFilters { get; init; }

    public string? ArchivedState { get; init; }
}

public sealed record SearchCatalogItemsResponse(IReadOnlyList<CatalogObject> Items, string? Cursor, IReadOnlyList<string>? MatchedVariationIds);
