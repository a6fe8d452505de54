using SyncLab.Mirrors.Warehouse.Carriers;
using SyncLab.Mirrors.Warehouse.ShipStation;

namespace SyncLab.Mirrors.Warehouse.Shipments;

/// <summary>The body of <c>POST /v2/shipments</c>.</summary>
public sealed record CreateShipmentsRequest(IReadOnlyList<ShipmentRequest>? Shipments);

/// <summary>One <c>create_shipment_request</c> (the properties this mirror reads).</summary>
public sealed record ShipmentRequest
{
    public string? WarehouseId { get; init; }

    public ShippingAddress? ShipTo { get; init; }

    public ShippingAddress? ShipFrom { get; init; }

    public IReadOnlyList<ShipmentItem>? Items { get; init; }

    public string? ExternalShipmentId { get; init; }

    public string? ExternalOrderId { get; init; }

    public string? ShipmentNumber { get; init; }

    public string? CarrierId { get; init; }

    public string? ServiceCode { get; init; }
}

/// <summary>Stock of one SKU at the shipping location: what allocation and shipping decide from.</summary>
public sealed record HeldStock(int OnHand, int Allocated)
{
    public int Available => OnHand - Allocated;
}

/// <summary>
/// Pure decisions of the shipment life cycle: a pending shipment allocates what is available, line by line
/// (the rest waits unallocated); buying its label ships it, taking every line off the shelf.
/// </summary>
public static class ShipmentRules
{
    public const string Pending = "pending";
    public const string LabelPurchased = "label_purchased";
    public const string Cancelled = "cancelled";

    /// <summary>Ounces per unit when a shipment gives no package weight (a placeholder, not a carrier rule).</summary>
    public const decimal OuncesPerUnit = 8m;

    private static readonly string[] AddressFields = ["name", "phone", "address_line1", "city_locality", "state_province", "postal_code", "country_code"];

    public static ShipStationFailure? Validate(ShipmentRequest s, int index, IReadOnlySet<string> knownSkus)
    {
        var at = $"shipments[{index}]";
        if (string.IsNullOrEmpty(s.WarehouseId))
        {
            return s.ShipFrom is null
                ? ShipStationErrors.Required($"{at}.warehouse_id")
                : ShipStationErrors.InvalidValue($"{at}: this mirror ships from its warehouses only; send warehouse_id instead of ship_from.");
        }
        if (s.ShipTo is not { } to)
        {
            return ShipStationErrors.Required($"{at}.ship_to");
        }
        string?[] values = [to.Name, to.Phone, to.AddressLine1, to.CityLocality, to.StateProvince, to.PostalCode, to.CountryCode];
        for (var i = 0; i < values.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                return ShipStationErrors.Required($"{at}.ship_to.{AddressFields[i]}");
            }
        }
        if (to.CountryCode!.Length != 2)
        {
            return ShipStationErrors.InvalidValue($"{at}.ship_to.country_code must be a two-letter ISO 3166-1 code.");
        }
        if (to.AddressResidentialIndicator is not (null or "unknown" or "yes" or "no"))
        {
            return ShipStationErrors.InvalidValue($"{at}.ship_to.address_residential_indicator must be unknown, yes or no.");
        }
        if (s.ExternalShipmentId is { Length: > 50 } || s.ShipmentNumber is { Length: > 50 })
        {
            return ShipStationErrors.InvalidValue($"{at}: external_shipment_id and shipment_number are limited to 50 characters.");
        }
        if (s.CarrierId is { } carrierId && ShipStationCarriers.ById(carrierId) is null)
        {
            return ShipStationErrors.UnknownReference($"{at}.carrier_id '{carrierId}' is not a carrier connected to this account.");
        }
        if (s.Items is not { Count: > 0 } items)
        {
            return ShipStationErrors.Required($"{at}.items");
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrEmpty(items[i].Sku))
            {
                return ShipStationErrors.Required($"{at}.items[{i}].sku");
            }
            if (items[i].Quantity is not > 0)
            {
                return ShipStationErrors.InvalidValue($"{at}.items[{i}].quantity must be 1 or more.");
            }
            if (!knownSkus.Contains(items[i].Sku!.ToUpperInvariant()))
            {
                return ShipStationErrors.UnknownReference($"{at}.items[{i}].sku '{items[i].Sku}' is not a product of this account.");
            }
        }
        return null;
    }

    /// <summary>Which lines can hold stock now, taking lines in order from what is available.</summary>
    public static IReadOnlyList<bool> Allocate(IReadOnlyList<(string Sku, int Quantity)> lines, IReadOnlyDictionary<string, HeldStock> stock)
    {
        var available = stock.ToDictionary(s => s.Key, s => s.Value.Available, StringComparer.Ordinal);
        var allocated = new List<bool>(lines.Count);
        foreach (var (sku, quantity) in lines)
        {
            var free = available.GetValueOrDefault(sku);
            allocated.Add(free >= quantity);
            if (free >= quantity)
            {
                available[sku] = free - quantity;
            }
        }
        return allocated;
    }

    /// <summary>The stock after shipping every line, or why the shipment cannot leave (an unallocated line with too little on the shelf).</summary>
    public static (IReadOnlyDictionary<string, HeldStock>? After, ShipStationFailure? Failure) Ship(
        IReadOnlyList<(string Sku, int Quantity, bool Allocated)> lines, IReadOnlyDictionary<string, HeldStock> stock)
    {
        var after = new Dictionary<string, HeldStock>(stock, StringComparer.Ordinal);
        foreach (var (sku, quantity, allocated) in lines)
        {
            var held = after.GetValueOrDefault(sku) ?? new HeldStock(0, 0);
            if (!allocated && held.Available < quantity)
            {
                return (null, ShipStationErrors.BusinessRule($"Cannot ship {quantity} of '{sku}': {held.Available} available."));
            }
            after[sku] = new HeldStock(held.OnHand - quantity, allocated ? held.Allocated - quantity : held.Allocated);
        }
        return (after, null);
    }

    /// <summary>
    /// ShipStation's split: the units asked for move from a pending shipment's lines (first lines first) to a new
    /// shipment; each moved unit keeps its line's allocation, so stock held stays held. At least one unit must stay
    /// on the original (as ShipStation's split_shipment requires). Answers what is left of each line, in order (0 for a
    /// line moved whole), and the moved lines, or why not.
    /// </summary>
    public static (IReadOnlyList<ShipmentLine>? Remaining, IReadOnlyList<ShipmentLine>? Moved, string? Problem) Split(
        IReadOnlyList<ShipmentLine> lines, IReadOnlyList<(string Sku, int Quantity)> take)
    {
        if (take.Count == 0)
        {
            return (null, null, "name at least one item to split off");
        }
        var left = lines.ToList();
        var moved = new List<ShipmentLine>();
        foreach (var (sku, quantity) in take)
        {
            if (quantity < 1)
            {
                return (null, null, $"quantity of '{sku}' must be 1 or more");
            }
            var want = quantity;
            for (var i = 0; i < left.Count && want > 0; i++)
            {
                if (!string.Equals(left[i].Sku, sku, StringComparison.OrdinalIgnoreCase) || left[i].Quantity == 0)
                {
                    continue;
                }
                var move = Math.Min(want, left[i].Quantity);
                moved.Add(left[i] with { Quantity = move });
                left[i] = left[i] with { Quantity = left[i].Quantity - move };
                want -= move;
            }
            if (want > 0)
            {
                return (null, null, $"the shipment has {quantity - want} of '{sku}' to split off, not {quantity}");
            }
        }
        return left.Sum(l => l.Quantity) == 0
            ? (null, null, "at least one item must stay on the original shipment")
            : (left, moved, null);
    }
}

/// <summary>One line of a shipment as the split sees it.</summary>
public sealed record ShipmentLine(string Sku, string Name, int Quantity, bool Allocated);
