using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.ShipStation;

/// <summary>A ShipStation v2 shipment as the engine reads it (the fields it uses).</summary>
public sealed record ShipStationShipment(
    [property: JsonPropertyName("shipment_id")] string ShipmentId,
    [property: JsonPropertyName("shipment_status")] string ShipmentStatus,
    [property: JsonPropertyName("external_shipment_id")] string? ExternalShipmentId,
    [property: JsonPropertyName("external_order_id")] string? ExternalOrderId,
    [property: JsonPropertyName("shipment_number")] string? ShipmentNumber,
    [property: JsonPropertyName("modified_at")] DateTimeOffset ModifiedAt,
    [property: JsonPropertyName("items")] IReadOnlyList<ShipStationItem> Items)
{
    public const string Pending = "pending";
    public const string LabelPurchased = "label_purchased";
    public const string Cancelled = "cancelled";
}

public sealed record ShipStationItem(
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("name")] string? Name = null);

public sealed record ShipStationLabel(
    [property: JsonPropertyName("label_id")] string LabelId,
    [property: JsonPropertyName("shipment_id")] string ShipmentId,
    [property: JsonPropertyName("tracking_number")] string TrackingNumber,
    [property: JsonPropertyName("carrier_code")] string? CarrierCode,
    [property: JsonPropertyName("service_code")] string? ServiceCode,
    [property: JsonPropertyName("tracking_url")] string? TrackingUrl,
    [property: JsonPropertyName("voided")] bool Voided);

public sealed record ShipStationAddress(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("address_line1")] string? AddressLine1,
    [property: JsonPropertyName("city_locality")] string? CityLocality,
    [property: JsonPropertyName("state_province")] string? StateProvince,
    [property: JsonPropertyName("postal_code")] string? PostalCode,
    [property: JsonPropertyName("country_code")] string? CountryCode,
    [property: JsonPropertyName("email")] string? Email);

/// <summary>One shipment of a create_shipments request.</summary>
public sealed record ShipStationNewShipment(
    [property: JsonPropertyName("warehouse_id")] string WarehouseId,
    [property: JsonPropertyName("external_shipment_id")] string ExternalShipmentId,
    [property: JsonPropertyName("external_order_id")] string ExternalOrderId,
    [property: JsonPropertyName("shipment_number")] string ShipmentNumber,
    [property: JsonPropertyName("ship_to")] ShipStationAddress ShipTo,
    [property: JsonPropertyName("items")] IReadOnlyList<ShipStationItem> Items);
