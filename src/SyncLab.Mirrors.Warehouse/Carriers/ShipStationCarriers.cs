using System.Globalization;

namespace SyncLab.Mirrors.Warehouse.Carriers;

/// <summary>
/// One carrier account connected to the ShipStation account: the <c>carrier_id</c> a shipment names, the
/// <c>carrier_code</c> its labels carry, the service used when the shipment names none, and how the carrier
/// numbers and tracks its parcels. <see cref="TrackCode"/> is the code ShipStation's <c>track</c> webhook uses
/// (the carrier itself: <c>usps</c> for a Stamps.com label), <see cref="Network"/> the name a shopper knows it by.
/// </summary>
public sealed record ShipStationCarrier(string CarrierId, string CarrierCode, string TrackCode, string DefaultService, string Network)
{
    /// <summary>A tracking number in the carrier's format, unique per label sequence (placeholders, not real parcels).</summary>
    public string TrackingNumber(long sequence) => CarrierCode switch
    {
        "ups" => string.Create(CultureInfo.InvariantCulture, $"1Z999AA1{sequence:D10}"),
        "fedex" => string.Create(CultureInfo.InvariantCulture, $"7{sequence:D11}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"9400{sequence:D18}"),
    };

    /// <summary>The carrier's public tracking page for a parcel.</summary>
    public string TrackingUrl(string trackingNumber) => CarrierCode switch
    {
        "ups" => $"https://www.ups.com/track?tracknum={trackingNumber}",
        "fedex" => $"https://www.fedex.com/fedextrack/?trknbr={trackingNumber}",
        _ => $"https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}",
    };
}

/// <summary>
/// The carrier accounts this mirror's ShipStation account has connected: Stamps.com (USPS, the default when a
/// shipment names no carrier), UPS and FedEx. Labels are placeholders: no rates, no carrier calls.
/// </summary>
public static class ShipStationCarriers
{
    public static readonly ShipStationCarrier StampsCom = new("se-700001", "stamps_com", "usps", "usps_priority_mail", "USPS");

    public static readonly ShipStationCarrier Ups = new("se-700002", "ups", "ups", "ups_ground", "UPS");

    public static readonly ShipStationCarrier FedEx = new("se-700003", "fedex", "fedex", "fedex_ground", "FedEx");

    public static readonly IReadOnlyList<ShipStationCarrier> All = [StampsCom, Ups, FedEx];

    /// <summary>The carrier a shipment ships with: the one its <c>carrier_id</c> names, else Stamps.com.</summary>
    public static ShipStationCarrier Of(string? carrierId) => All.FirstOrDefault(c => c.CarrierId == carrierId) ?? StampsCom;

    public static ShipStationCarrier? ById(string carrierId) => All.FirstOrDefault(c => string.Equals(c.CarrierId, carrierId, StringComparison.Ordinal));

    public static ShipStationCarrier? ByCode(string carrierCode) => All.FirstOrDefault(c => string.Equals(c.CarrierCode, carrierCode, StringComparison.OrdinalIgnoreCase));
}
