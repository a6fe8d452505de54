using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Catalog;

/// <summary>
/// <c>POST /v2/catalog/search</c> (SearchCatalogObjects): exact, set, prefix and text queries over the
/// searchable attributes this catalog has (ITEM name; ITEM_VARIATION name, sku, upc).
/// </summary>
public static class SearchCatalogObjects
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/catalog/search", HandleAsync);

    public static async Task<Results<JsonHttpResult<SearchCatalogObjectsResponse>, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<SearchCatalogObjectsRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var search = body.Value!;
        var (items, variations, failure) = ObjectTypes(search.ObjectTypes);
        failure ??= CatalogQueries.Validate(search.Query);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        if (!SquareCursor.TryDecode(search.Cursor, out var offset, out failure))
        {
            return failure!.ToResult();
        }
        DateTimeOffset? begin = null;
        if (search.BeginTime is { } text)
        {
            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return SquareErrors.Invalid("INVALID_TIME", "begin_time", $"'{text}' is not an RFC 3339 timestamp.").ToResult();
            }
            begin = parsed;
        }
        // Square ignores a limit outside 1..1000 and uses its default.
        var limit = search.Limit is > 0 and <= MaxLimit ? search.Limit.Value : DefaultLimit;

        // By SKU, the store's lookup answers without walking the catalogue (InMemory has no indexes); otherwise a query.
        var rows = CatalogQueries.SkuKeys(search.Query) is { } keys && StoreLookup.Where(db, (PosCatalogEntry c) => c.SkuKey, keys) is { } found
            ? found.OrderBy(c => c.Ordinal).ToList()
            : await CatalogQueries.Narrow(db.Catalog.AsNoTracking(), search.Query).OrderBy(c => c.Ordinal).ToListAsync(cancellationToken);
        var matches = rows
            .Where(e => begin is null || e.UpdatedAt > begin)
            .SelectMany(e => CatalogQueries.Match(e, search.Query, items, variations))
            .ToList();
        var page = matches.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit).ToList();
        var objects = page.Select(m => m.Found).ToList();
        List<CatalogObject>? related = null;
        if (search.IncludeRelatedObjects == true)
        {
            var present = objects.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            related = page.Where(m => m.Found.Type == CatalogObjects.VariationType && !present.Contains(m.Entry.ItemId))
                .DistinctBy(m => m.Entry.ItemId)
                .Select(m => CatalogObjects.Item(m.Entry))
                .ToList();
        }
        var cursor = SquareCursor.Next(offset + page.Count, offset + page.Count < matches.Count);
        return TypedResults.Json(new SearchCatalogObjectsResponse(objects, cursor, related), SquareJson.Options);
    }

    private static (bool Items, bool Variations, SquareFailure? Failure) ObjectTypes(IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0)
        {
            return (true, true, null);
        }
        for (var i = 0; i < types.Count; i++)
        {
            if (!CatalogObjects.KnownTypes.Contains(types[i]))
            {
                return (false, false, SquareErrors.Invalid("INVALID_ENUM_VALUE", $"object_types[{i}]", $"Unknown catalog object type '{types[i]}'."));
            }
        }
        return (types.Contains(CatalogObjects.ItemType), types.Contains(CatalogObjects.VariationType), null);
    }
}

public sealed record SearchCatalogObjectsRequest
{
    public string? Cursor { get; init; }

    public IReadOnlyList<string>? ObjectTypes { get; init; }

    public bool? IncludeDeletedObjects { get; init; }

    public bool? IncludeRelatedObjects { get; init; }

    public string? BeginTime { get; init; }

    public CatalogQuery? Query { get; init; }

    public int? Limit { get; init; }

    public bool? IncludeCategoryPathToRoot { get; init; }
}

public sealed record CatalogQuery
{
    public JsonElement? SortedAttributeQuery { get; init; }

    public CatalogQueryExact? ExactQuery { get; init; }

    public CatalogQuerySet? SetQuery { get; init; }

    public CatalogQueryPrefix? PrefixQuery { get; init; }

    public JsonElement? RangeQuery { get; init; }

    public CatalogQueryText? TextQuery { get; init; }

    public JsonElement? ItemsForTaxQuery { get; init; }

    public JsonElement? ItemsForModifierListQuery { get; init; }

    public JsonElement? ItemsForItemOptionsQuery { get; init; }

    public JsonElement? ItemVariationsForItemOptionValuesQuery { get; init; }
}

public sealed record CatalogQueryExact(string? AttributeName, string? AttributeValue);

public sealed record CatalogQuerySet(string? AttributeName, IReadOnlyList<string>? AttributeValues);

public sealed record CatalogQueryPrefix(string? AttributeName, string? AttributePrefix);

public sealed record CatalogQueryText(IReadOnlyList<string>? Keywords);

public sealed record SearchCatalogObjectsResponse(IReadOnlyList<CatalogObject> Objects, string? Cursor, IReadOnlyList<CatalogObject>? RelatedObjects);
