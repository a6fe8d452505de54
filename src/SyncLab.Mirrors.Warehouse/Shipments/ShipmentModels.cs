using System.Globalization;
using System.Text.Json;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;
using SyncLab.Mirrors.Warehouse.Warehouses;

namespace SyncLab.Mirrors.Warehouse.Shipments;

/// <summary>ShipStation <c>shipping_address</c> / <c>shipping_address_to</c>; also the request shape.</summary>
public sealed record ShippingAddress
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? CompanyName { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? AddressLine3 { get; init; }

    public string? CityLocality { get; init; }

    public string? StateProvince { get; init; }

    public string? PostalCode { get; init; }

    public string? CountryCode { get; init; }

    public string? AddressResidentialIndicator { get; init; }

    public string? Instructions { get; init; }

    public static ShippingAddress From(ShipStationAddress a) => new()
    {
        Name = a.Name, Phone = a.Phone, CompanyName = a.CompanyName, AddressLine1 = a.AddressLine1, CityLocality = a.CityLocality,
        StateProvince = a.StateProvince, PostalCode = a.PostalCode, CountryCode = a.CountryCode, AddressResidentialIndicator = a.AddressResidentialIndicator,
    };
}

public sealed record Weight(decimal Value, string Unit);

public sealed record ShipmentPackage(string PackageCode, Weight Weight);

public sealed record Tag(string Name);

/// <summary>ShipStation <c>shipment_item</c>; also the request shape.</summary>
public sealed record ShipmentItem
{
    public string? Name { get; init; }

    public string? Sku { get; init; }

    public int? Quantity { get; init; }

    public string? ExternalOrderId { get; init; }

    public string? AllocationStatus { get; init; }
}

/// <summary>ShipStation <c>shipment</c> (the properties this mirror fills, every required one included).</summary>
public sealed record Shipment
{
    public required string ShipmentId { get; init; }

    public string? CarrierId { get; init; }

    public string? ServiceCode { get; init; }

    public string? ExternalOrderId { get; init; }

    public required IReadOnlyList<ShipmentItem> Items { get; init; }

    public string? ExternalShipmentId { get; init; }

    public string? ShipmentNumber { get; init; }

    public string? ShipDate { get; init; }

    public required string CreatedAt { get; init; }

    public required string ModifiedAt { get; init; }

    public required string ShipmentStatus { get; init; }

    public required ShippingAddress ShipTo { get; init; }

    public required ShippingAddress ShipFrom { get; init; }

    public required string WarehouseId { get; init; }

    public required ShippingAddress ReturnTo { get; init; }

    public bool IsReturn { get; init; }

    public string Confirmation { get; init; } = "none";

    public Dictionary<string, object> AdvancedOptions { get; init; } = [];

    public string InsuranceProvider { get; init; } = "none";

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public required IReadOnlyList<ShipmentPackage> Packages { get; init; }

    public required Weight TotalWeight { get; init; }

    public static Shipment From(WhShipment s, WhWarehouse warehouse)
    {
        var origin = ShippingAddress.From(ListWarehouses.ToShipStation(warehouse).OriginAddress);
        var weight = new Weight(s.WeightOunces, "ounce");
        return new Shipment
        {
            ShipmentId = s.ShipmentId,
            CarrierId = s.CarrierId,
            ServiceCode = s.ServiceCode,
            ExternalOrderId = s.ExternalOrderId,
            Items = s.Items.OrderBy(i => i.Index).Select(i => new ShipmentItem
            {
                Name = i.Name, Sku = i.Sku, Quantity = i.Quantity, ExternalOrderId = s.ExternalOrderId,
                AllocationStatus = s.Status == ShipmentRules.Cancelled ? null : i.Allocated || s.Status == ShipmentRules.LabelPurchased ? "allocated" : "unallocated",
            }).ToList(),
            ExternalShipmentId = s.ExternalShipmentId,
            ShipmentNumber = s.ShipmentNumber ?? s.ExternalShipmentId,
            ShipDate = (s.ShippedAt ?? s.CreatedAt).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CreatedAt = ShipStationJson.Time(s.CreatedAt),
            ModifiedAt = ShipStationJson.Time(s.ModifiedAt),
            ShipmentStatus = s.Status,
            ShipTo = JsonSerializer.Deserialize<ShippingAddress>(s.ShipToJson, ShipStationJson.Options)!,
            ShipFrom = origin,
            WarehouseId = s.WarehouseId,
            ReturnTo = origin,
            Packages = [new ShipmentPackage("package", weight)],
            TotalWeight = weight,
        };
    }
}
