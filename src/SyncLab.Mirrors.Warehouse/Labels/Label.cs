using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SyncLab.Mirrors.Warehouse.Carriers;
using SyncLab.Mirrors.Warehouse.Shipments;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Labels;

/// <summary>The <c>create_label_from_shipment_request_body</c> options this mirror reads.</summary>
public sealed record LabelOptions(string? LabelFormat = null, string? LabelLayout = null, string? DisplayScheme = null);

public sealed record MonetaryValue(string Currency, decimal Amount);

public sealed record LabelDownload(string Href, string? Pdf = null, string? Png = null, string? Zpl = null);

public sealed record LabelPackage(string PackageCode, Weight Weight, string TrackingNumber);

/// <summary>ShipStation <c>label</c> (the properties this mirror fills).</summary>
public sealed record Label
{
    public required string LabelId { get; init; }

    public string Status { get; init; } = "completed";

    public required string ShipmentId { get; init; }

    public string? ExternalShipmentId { get; init; }

    public string? ExternalOrderId { get; init; }

    public required string ShipDate { get; init; }

    public required string CreatedAt { get; init; }

    public required MonetaryValue ShipmentCost { get; init; }

    public required MonetaryValue InsuranceCost { get; init; }

    public required string TrackingNumber { get; init; }

    public bool IsReturnLabel { get; init; }

    public bool IsInternational { get; init; }

    public required string CarrierId { get; init; }

    public required string ServiceCode { get; init; }

    public string PackageCode { get; init; } = "package";

    public bool Voided { get; init; }

    public required string LabelFormat { get; init; }

    public required string DisplayScheme { get; init; }

    public required string LabelLayout { get; init; }

    public bool Trackable { get; init; } = true;

    public required string CarrierCode { get; init; }

    public string Confirmation { get; init; } = "none";

    public string TrackingStatus { get; init; } = "in_transit";

    public required LabelDownload LabelDownload { get; init; }

    public required IReadOnlyList<LabelPackage> Packages { get; init; }

    public required string TrackingUrl { get; init; }

    public required ShippingAddress ShipTo { get; init; }

    public static Label From(WhShipment s, LabelOptions options, HttpRequest request)
    {
        var format = options.LabelFormat ?? "pdf";
        var href = $"{request.Scheme}://{request.Host}/v2/downloads/10/{s.Sequence.ToString(CultureInfo.InvariantCulture)}/label-{s.LabelId}.{format}";
        var shipTo = JsonSerializer.Deserialize<ShippingAddress>(s.ShipToJson, ShipStationJson.Options)!;
        var carrier = ShipStationCarriers.Of(s.CarrierId);
        return new Label
        {
            LabelId = s.LabelId!,
            ShipmentId = s.ShipmentId,
            ExternalShipmentId = s.ExternalShipmentId,
            ExternalOrderId = s.ExternalOrderId,
            ShipDate = s.ShippedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CreatedAt = ShipStationJson.Time(s.ShippedAt.Value),
            ShipmentCost = new MonetaryValue("usd", CreateLabelFromShipment.LabelCost),
            InsuranceCost = new MonetaryValue("usd", 0m),
            TrackingNumber = s.TrackingNumber!,
            IsInternational = !string.Equals(shipTo.CountryCode, "US", StringComparison.OrdinalIgnoreCase),
            CarrierId = carrier.CarrierId,
            CarrierCode = carrier.CarrierCode,
            ServiceCode = s.ServiceCode ?? carrier.DefaultService,
            LabelFormat = format,
            DisplayScheme = options.DisplayScheme ?? "label",
            LabelLayout = options.LabelLayout ?? "4x6",
            LabelDownload = format switch
            {
                "png" => new LabelDownload(href, Png: href),
                "zpl" => new LabelDownload(href, Zpl: href),
                _ => new LabelDownload(href, Pdf: href),
            },
            Packages = [new LabelPackage("package", new Weight(s.WeightOunces, "ounce"), s.TrackingNumber!)],
            TrackingUrl = carrier.TrackingUrl(s.TrackingNumber!),
            ShipTo = shipTo,
        };
    }
}
