using System.Globalization;
using Microsoft.AspNetCore.Http;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Shipments;

/// <summary>The list_shipments filters an integration polls with: a <c>modified_at</c> window and a sort order.</summary>
public static class ShipmentQuery
{
    public sealed record Window(DateTimeOffset? Start, DateTimeOffset? End);

    public sealed record Order(string? By, bool Descending);

    public static (Window? Window, ShipStationFailure? Failure) ModifiedWindow(IQueryCollection query)
    {
        var (start, startFailure) = Instant(query, "modified_at_start");
        var (end, endFailure) = Instant(query, "modified_at_end");
        var failure = startFailure ?? endFailure;
        return failure is null ? (new Window(start, end), null) : (null, failure);
    }

    public static (Order? Order, ShipStationFailure? Failure) Sort(IQueryCollection query)
    {
        var by = query["sort_by"].ToString();
        if (by.Length > 0 && by is not ("modified_at" or "created_at"))
        {
            return (null, ShipStationErrors.InvalidValue("sort_by must be modified_at or created_at."));
        }
        var dir = query["sort_dir"].ToString();
        if (dir.Length > 0 && dir is not ("asc" or "desc"))
        {
            return (null, ShipStationErrors.InvalidValue("sort_dir must be asc or desc."));
        }
        // ShipStation sorts descending unless asked otherwise.
        return (new Order(by.Length > 0 ? by : null, dir != "asc"), null);
    }

    /// <summary>Filters and orders in memory: instants are compared as instants whatever the store.</summary>
    public static List<WhShipment> Apply(IEnumerable<WhShipment> rows, Window window, Order order)
    {
        var matching = rows.Where(s => (window.Start is not { } from || s.ModifiedAt >= from) && (window.End is not { } to || s.ModifiedAt <= to));
        Func<WhShipment, DateTimeOffset>? key = order.By switch
        {
            "modified_at" => s => s.ModifiedAt,
            "created_at" => s => s.CreatedAt,
            _ => null,
        };
        if (key is null)
        {
            return matching.OrderBy(s => s.Sequence).ToList();
        }
        return order.Descending
            ? matching.OrderByDescending(key).ThenByDescending(s => s.Sequence).ToList()
            : matching.OrderBy(key).ThenBy(s => s.Sequence).ToList();
    }

    private static (DateTimeOffset? Value, ShipStationFailure? Failure) Instant(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? (value, null)
            : (null, ShipStationErrors.InvalidValue($"{name} must be an ISO 8601 date-time."));
    }
}
