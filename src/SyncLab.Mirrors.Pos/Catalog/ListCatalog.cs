using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Catalog;

/// <summary><c>GET /v2/catalog/list?types=&amp;cursor=</c> (ListCatalog): 100 objects a page, as Square documents.</summary>
public static class ListCatalog
{
    public const int PageSize = 100;

    public static void Map(RouteGroupBuilder v2) => v2.MapGet("/catalog/list", HandleAsync);

    public static async Task<Results<JsonHttpResult<ListCatalogResponse>, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var (items, variations, failure) = ParseTypes(request.Query["types"].ToString());
        if (failure is not null)
        {
            return failure.ToResult();
        }
        if (!SquareCursor.TryDecode(request.Query["cursor"].ToString(), out var offset, out failure))
        {
            return failure!.ToResult();
        }
        var perEntry = (items ? 1 : 0) + (variations ? 1 : 0);
        if (perEntry == 0)
        {
            // Only types this mirror holds none of (TAX, CATEGORY, ...): a valid, empty catalog.
            return TypedResults.Json(new ListCatalogResponse([], null), SquareJson.Options);
        }
        // A page is 100 objects; with two objects per entry both 100 and every offset stay whole entries.
        var skipEntries = (int)Math.Min(offset / perEntry, int.MaxValue);
        var takeEntries = PageSize / perEntry;
        var rows = await db.Catalog.AsNoTracking()
            .OrderBy(c => c.Ordinal)
            .Skip(skipEntries)
            .Take(takeEntries + 1)
            .ToListAsync(cancellationToken);
        var more = rows.Count > takeEntries;
        var objects = rows.Take(takeEntries).SelectMany(e => CatalogObjects.Objects(e, items, variations)).ToList();
        var cursor = SquareCursor.Next((long)(skipEntries + takeEntries) * perEntry, more);
        return TypedResults.Json(new ListCatalogResponse(objects, cursor), SquareJson.Options);
    }

    /// <summary>Square's default (no types) is the top-level types: of this catalog, ITEM only.</summary>
    public static (bool Items, bool Variations, SquareFailure? Failure) ParseTypes(string types)
    {
        if (string.IsNullOrWhiteSpace(types))
        {
            return (true, false, null);
        }
        var items = false;
        var variations = false;
        foreach (var raw in types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var type = raw.ToUpperInvariant();
            if (!CatalogObjects.KnownTypes.Contains(type))
            {
                return (false, false, SquareErrors.Invalid("INVALID_ENUM_VALUE", "types", $"Unknown catalog object type '{raw}'."));
            }
            items |= type == CatalogObjects.ItemType;
            variations |= type == CatalogObjects.VariationType;
        }
        return (items, variations, null);
    }
}

public sealed record ListCatalogResponse(IReadOnlyList<CatalogObject> Objects, string? Cursor);
