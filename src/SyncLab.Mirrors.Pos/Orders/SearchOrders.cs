using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Orders;

/// <summary>
/// <c>POST /v2/orders/search</c> (SearchOrders): the orders of 1 to 10 locations, filtered by state and by one
/// time range (<c>created_at</c>, <c>updated_at</c> or <c>closed_at</c>), sorted by that same field (Square
/// refuses a sort on another field than the one filtered by), newest first unless <c>ASC</c>, cursor-paged.
/// </summary>
public static class SearchOrders
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
    public const int MaxLocations = 10;

    private static readonly string[] States = ["OPEN", "COMPLETED", "CANCELED", "DRAFT"];
    private static readonly string[] SortFields = ["CREATED_AT", "UPDATED_AT", "CLOSED_AT"];

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/orders/search", HandleAsync);

    public static async Task<Results<JsonHttpResult<SearchOrdersResponse>, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<SearchOrdersRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var search = body.Value!;
        var (query, failure) = Validate(search);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        if (!SquareCursor.TryDecode(search.Cursor, out var offset, out failure))
        {
            return failure!.ToResult();
        }
        var limit = search.Limit is > 0 and <= MaxLimit ? search.Limit.Value : DefaultLimit;
        var locations = search.LocationIds!;
        var rows = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => locations.Contains(o.LocationId)).ToListAsync(cancellationToken);
        var matches = rows.Where(query!.Matches).ToList();
        var sorted = (query.Ascending ? matches.OrderBy(query.SortKey) : matches.OrderByDescending(query.SortKey)).ThenBy(o => o.Sequence).ToList();
        var page = sorted.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit).ToList();
        var paymentIds = page.Where(o => o.PaymentId is not null).Select(o => o.PaymentId!).ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => paymentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var orders = page.Select(o => Order.From(o, o.PaymentId is { } id ? payments.GetValueOrDefault(id) : null)).ToList();
        var cursor = SquareCursor.Next(offset + page.Count, offset + page.Count < sorted.Count);
        return TypedResults.Json(
            search.ReturnEntries == true
                ? new SearchOrdersResponse(null, orders.Select(o => new OrderEntry(o.Id, o.Version, o.LocationId)).ToList(), cursor)
                : new SearchOrdersResponse(orders, null, cursor),
            SquareJson.Options);
    }

    private static (OrderQuery? Query, SquareFailure? Failure) Validate(SearchOrdersRequest search)
    {
        if (search.LocationIds is not { Count: > 0 } locations)
        {
            return (null, SquareErrors.Missing("location_ids"));
        }
        if (locations.Count > MaxLocations)
        {
            return (null, SquareErrors.Invalid("ARRAY_LENGTH_TOO_LONG", "location_ids", $"At most {MaxLocations} location ids may be searched at once."));
        }
        var filter = search.Query?.Filter;
        IReadOnlyList<string>? states = null;
        if (filter?.StateFilter is { } stateFilter)
        {
            if (stateFilter.States is not { Count: > 0 })
            {
                return (null, SquareErrors.Missing("query.filter.state_filter.states"));
            }
            for (var i = 0; i < stateFilter.States.Count; i++)
            {
                if (!States.Contains(stateFilter.States[i]))
                {
                    return (null, SquareErrors.Invalid("INVALID_ENUM_VALUE", $"query.filter.state_filter.states[{i}]", $"Unknown order state '{stateFilter.States[i]}'."));
                }
            }
            states = stateFilter.States;
        }
        var ranges = new (string Field, TimeRange? Range)[]
        {
            ("CREATED_AT", filter?.DateTimeFilter?.CreatedAt),
            ("UPDATED_AT", filter?.DateTimeFilter?.UpdatedAt),
            ("CLOSED_AT", filter?.DateTimeFilter?.ClosedAt),
        }.Where(r => r.Range is not null).ToList();
        if (ranges.Count > 1)
        {
            return (null, SquareErrors.InvalidValue("query.filter.date_time_filter", "Only one of created_at, updated_at or closed_at may be set."));
        }
        var sortField = search.Query?.Sort?.SortField;
        var sortOrder = search.Query?.Sort?.SortOrder ?? "DESC";
        if (search.Query?.Sort is not null && sortField is null)
        {
            return (null, SquareErrors.Missing("query.sort.sort_field"));
        }
        if (sortField is not null && !SortFields.Contains(sortField))
        {
            return (null, SquareErrors.Invalid("INVALID_ENUM_VALUE", "query.sort.sort_field", $"Unknown sort field '{sortField}'."));
        }
        if (sortOrder is not ("ASC" or "DESC"))
        {
            return (null, SquareErrors.Invalid("INVALID_ENUM_VALUE", "query.sort.sort_order", $"Unknown sort order '{sortOrder}'."));
        }
        string field;
        DateTimeOffset? start = null, end = null;
        if (ranges.Count == 1)
        {
            field = ranges[0].Field;
            if (sortField is not null && sortField != field)
            {
                return (null, SquareErrors.InvalidValue("query.sort.sort_field", $"The sort field must be {field} when filtering by {field.ToLowerInvariant()}."));
            }
            var path = $"query.filter.date_time_filter.{field.ToLowerInvariant()}";
            if (!TryTime(ranges[0].Range!.StartAt, $"{path}.start_at", out start, out var bad) || !TryTime(ranges[0].Range!.EndAt, $"{path}.end_at", out end, out bad))
            {
                return (null, bad);
            }
        }
        else
        {
            field = sortField ?? "CREATED_AT";
        }
        return (new OrderQuery(states, field, start, end, sortOrder == "ASC", ranges.Count == 1), null);
    }

    private static bool TryTime(string? text, string field, out DateTimeOffset? at, out SquareFailure? failure)
    {
        at = null;
        failure = null;
        if (text is null)
        {
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            failure = SquareErrors.Invalid("INVALID_TIME", field, $"'{text}' is not an RFC 3339 timestamp.");
            return false;
        }
        at = parsed;
        return true;
    }

    /// <summary>A validated search: which states, the time field filtered and sorted by, its range (start inclusive, end exclusive).</summary>
    private sealed record OrderQuery(IReadOnlyList<string>? States, string Field, DateTimeOffset? Start, DateTimeOffset? End, bool Ascending, bool Filtered)
    {
        public DateTimeOffset? TimeOf(PosOrder order) => Field switch
        {
            "UPDATED_AT" => order.UpdatedAt,
            "CLOSED_AT" => order.ClosedAt,
            _ => order.CreatedAt,
        };

        public long SortKey(PosOrder order) => TimeOf(order)?.UtcTicks ?? 0;

        public bool Matches(PosOrder order)
        {
            if (States is not null && !States.Contains(order.State))
            {
                return false;
            }
            if (!Filtered)
            {
                return true;
            }
            // A time filter leaves out orders that have no such time (an open order was never closed).
            return TimeOf(order) is { } at && (Start is null || at >= Start) && (End is null || at < End);
        }
    }
}

public sealed record SearchOrdersRequest
{
    public IReadOnlyList<string>? LocationIds { get; init; }

    public string? Cursor { get; init; }

    public SearchOrdersQuery? Query { get; init; }

    public int? Limit { get; init; }

    public bool? ReturnEntries { get; init; }
}

public sealed record SearchOrdersQuery(SearchOrdersFilter? Filter, SearchOrdersSort? Sort);

public sealed record SearchOrdersFilter(SearchOrdersStateFilter? StateFilter, SearchOrdersDateTimeFilter? DateTimeFilter);

public sealed record SearchOrdersStateFilter(IReadOnlyList<string>? States);

public sealed record SearchOrdersDateTimeFilter(TimeRange? CreatedAt, TimeRange? UpdatedAt, TimeRange? ClosedAt);

public sealed record TimeRange(string? StartAt, string? EndAt);

public sealed record SearchOrdersSort(string? SortField, string? SortOrder);

/// <summary>Square <c>OrderEntry</c>: what <c>return_entries</c> answers instead of whole orders.</summary>
public sealed record OrderEntry(string? OrderId, int? Version, string? LocationId);

public sealed record SearchOrdersResponse(IReadOnlyList<Order>? Orders, IReadOnlyList<OrderEntry>? OrderEntries, string? Cursor);
