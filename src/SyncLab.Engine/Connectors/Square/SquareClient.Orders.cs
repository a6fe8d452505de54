using System.Globalization;
using System.Runtime.CompilerServices;

namespace SyncLab.Engine.Connectors.Square;

/// <summary>A sale rung up at a store: a Square order as the engine reads it (amounts in the currency's minor unit).</summary>
public sealed record SquareOrder(
    string Id, string LocationId, string State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt,
    string Currency, long TotalAmount, IReadOnlyList<SquareOrderLine> Lines);

/// <summary>One line of a Square order: the catalog variation (null for a custom amount), how many, at what unit price.</summary>
public sealed record SquareOrderLine(string? CatalogObjectId, string Name, decimal Quantity, long BasePriceAmount);

public sealed partial class SquareClient
{
    /// <summary>Square's most locations one <c>SearchOrders</c> call may name.</summary>
    public const int SearchOrdersMaxLocations = 10;

    /// <summary>
    /// COMPLETED orders of the given stores updated at or after <paramref name="updatedFrom"/>, oldest change first, every
    /// page: <c>SearchOrders</c> with <c>state_filter</c>, <c>date_time_filter.updated_at</c> and a sort on the same field
    /// (Square requires it), at most ten locations per call.
    /// </summary>
    public async IAsyncEnumerable<SquareOrder> CompletedOrdersUpdatedSinceAsync(
        IReadOnlyList<string> locationIds, DateTimeOffset updatedFrom, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in locationIds.Chunk(SearchOrdersMaxLocations))
        {
            string? cursor = null;
            do
            {
                var body = new Dictionary<string, object?>
                {
                    ["location_ids"] = chunk,
                    ["limit"] = 500,
                    ["query"] = new
                    {
                        filter = new
                        {
                            state_filter = new { states = new[] { "COMPLETED" } },
                            date_time_filter = new { updated_at = new { start_at = updatedFrom.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) } },
                        },
                        sort = new { sort_field = "UPDATED_AT", sort_order = "ASC" },
                    },
                };
                if (cursor is not null)
                {
                    body["cursor"] = cursor;
                }
                var page = await SendAsync<OrderPage>(HttpMethod.Post, "v2/orders/search", body, ct);
                foreach (var order in page.Orders ?? [])
                {
                    yield return new SquareOrder(
                        order.Id, order.LocationId, order.State, order.CreatedAt, order.UpdatedAt, order.ClosedAt,
                        order.TotalMoney?.Currency ?? string.Empty, order.TotalMoney?.Amount ?? 0,
                        order.LineItems?.Select(l => new SquareOrderLine(
                            l.CatalogObjectId, l.Name ?? string.Empty,
                            decimal.Parse(l.Quantity ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
                            l.BasePriceMoney?.Amount ?? 0)).ToList() ?? []);
                }
                cursor = page.Cursor;
            }
            while (!string.IsNullOrEmpty(cursor));
        }
    }

    private sealed record OrderPage(List<OrderEntry>? Orders, string? Cursor);

    private sealed record OrderEntry(
        string Id, string LocationId, string State, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt,
        MoneyEntry? TotalMoney, List<LineEntry>? LineItems);

    private sealed record LineEntry(string? CatalogObjectId, string? Name, string? Quantity, MoneyEntry? BasePriceMoney);
}
