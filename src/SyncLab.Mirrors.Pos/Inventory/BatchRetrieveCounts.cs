using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Inventory;

/// <summary>
/// <c>POST /v2/inventory/counts/batch-retrieve</c> (BatchRetrieveInventoryCounts): current counts, newest
/// <c>calculated_at</c> first, filtered by object, location, state and <c>updated_after</c>, cursor-paged.
/// </summary>
public static class BatchRetrieveCounts
{
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/inventory/counts/batch-retrieve", HandleAsync);

    public static async Task<Results<JsonHttpResult<BatchRetrieveInventoryCountsResponse>, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<BatchRetrieveInventoryCountsRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var query = body.Value!;
        var (updatedAfter, failure) = Validate(query);
        if (failure is not null || !SquareCursor.TryDecode(query.Cursor, out var offset, out failure))
        {
            return failure!.ToResult();
        }
        var limit = query.Limit ?? MaxLimit;

        var counts = db.Counts.AsNoTracking();
        if (query.CatalogObjectIds is { Count: > 0 } objectIds)
        {
            counts = counts.Where(c => objectIds.Contains(c.CatalogObjectId));
        }
        if (query.LocationIds is { Count: > 0 } locationIds)
        {
            counts = counts.Where(c => locationIds.Contains(c.LocationId));
        }
        if (query.States is { Count: > 0 } states)
        {
            counts = counts.Where(c => states.Contains(c.State));
        }
        if (updatedAfter is { } after)
        {
            var ticks = after.UtcTicks;
            counts = counts.Where(c => c.CalculatedTicks > ticks);
        }
        var rows = await counts
            .OrderByDescending(c => c.CalculatedTicks).ThenBy(c => c.ItemOrdinal).ThenBy(c => c.LocationOrdinal).ThenBy(c => c.State)
            .Skip((int)Math.Min(offset, int.MaxValue))
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var more = rows.Count > limit;
        var page = rows.Take(limit).Select(InventoryCount.From).ToList();
        return TypedResults.Json(new BatchRetrieveInventoryCountsResponse(page, SquareCursor.Next(offset + limit, more)), SquareJson.Options);
    }

    private static (DateTimeOffset? UpdatedAfter, SquareFailure? Failure) Validate(BatchRetrieveInventoryCountsRequest query)
    {
        if (query.Limit is < 1)
        {
            return (null, SquareErrors.Invalid("VALUE_TOO_LOW", "limit", "limit must be at least 1."));
        }
        if (query.Limit is > MaxLimit)
        {
            return (null, SquareErrors.Invalid("VALUE_TOO_HIGH", "limit", $"limit must be at most {MaxLimit}."));
        }
        for (var i = 0; i < (query.States?.Count ?? 0); i++)
        {
            if (!InventoryStates.All.Contains(query.States![i]))
            {
                return (null, SquareErrors.Invalid("INVALID_ENUM_VALUE", $"states[{i}]", $"'{query.States[i]}' is not an InventoryState."));
            }
        }
        if (query.UpdatedAfter is { } text)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after)
                ? (after, null)
                : (null, SquareErrors.Invalid("INVALID_TIME", "updated_after", $"'{text}' is not an RFC 3339 timestamp."));
        }
        return (null, null);
    }
}

public sealed record BatchRetrieveInventoryCountsRequest
{
    public IReadOnlyList<string>? CatalogObjectIds { get; init; }

    public IReadOnlyList<string>? LocationIds { get; init; }

    public string? UpdatedAfter { get; init; }

    public string? Cursor { get; init; }

    public IReadOnlyList<string>? States { get; init; }

    public int? Limit { get; init; }
}

public sealed record BatchRetrieveInventoryCountsResponse(IReadOnlyList<InventoryCount> Counts, string? Cursor);
