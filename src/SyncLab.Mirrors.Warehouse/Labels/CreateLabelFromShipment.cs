using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Warehouse.Shipments;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;
using SyncLab.Mirrors.Warehouse.Webhooks;

namespace SyncLab.Mirrors.Warehouse.Labels;

/// <summary>
/// <c>POST /v2/labels/shipment/{shipment_id}</c> (create_label_from_shipment): buys the label of a pending
/// shipment, so it ships: a tracking number is issued and every line leaves the shelf (on hand and,
/// for allocated lines, allocated go down).
/// </summary>
public static class CreateLabelFromShipment
{
    public const string ServiceCode = "usps_priority_mail";
    public const string CarrierCode = "stamps_com";

    /// <summary>What each label "costs"; a placeholder, no carrier rates are mirrored.</summary>
    public const decimal LabelCost = 7.50m;

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/labels/shipment/{shipment_id}", HandleAsync);

    public static async Task<Results<JsonHttpResult<Label>, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        [FromRoute(Name = "shipment_id")] string shipmentId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger,
        WebhookSignal signal, CancellationToken cancellationToken)
    {
        var (options, failure) = await ReadOptionsAsync(request, cancellationToken);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var shipment = await db.Shipments.Include(s => s.Items).FirstOrDefaultAsync(s => s.ShipmentId == shipmentId, cancellationToken);
            if (shipment is null)
            {
                return ShipStationErrors.NotFound($"Shipment '{shipmentId}' was not found.").ToResult();
            }
            if (shipment.Status != ShipmentRules.Pending)
            {
                return ShipStationErrors.BusinessRule($"Shipment '{shipmentId}' is {shipment.Status}; only a pending shipment can get a label.").ToResult();
            }
            var skus = shipment.Items.Select(i => i.Sku).Distinct().ToList();
            var levels = await db.Levels.Where(l => l.InventoryLocationId == shipment.InventoryLocationId && skus.Contains(l.Sku)).ToDictionaryAsync(l => l.Sku, cancellationToken);
            var (after, refused) = ShipmentRules.Ship(
                shipment.Items.OrderBy(i => i.Index).Select(i => (i.Sku, i.Quantity, i.Allocated)).ToList(),
                levels.ToDictionary(l => l.Key, l => new HeldStock(l.Value.OnHand, l.Value.Allocated)));
            if (refused is not null)
            {
                return refused.ToResult();
            }

            var now = clock.GetUtcNow();
            var sequence = await db.Transactions.MaxAsync(t => (long?)t.Sequence, cancellationToken) ?? 0;
            foreach (var (sku, held) in after!)
            {
                var level = levels[sku];
                db.Transactions.Add(new WhTransaction
                {
                    Sequence = ++sequence, TransactionType = "ship", Sku = sku, InventoryLocationId = level.InventoryLocationId,
                    Quantity = level.OnHand - held.OnHand, OnHandBefore = level.OnHand, OnHandAfter = held.OnHand, Reason = "shipment", Notes = shipment.ShipmentId, At = now,
                });
                ledger.RecordEffect($"inventory ship {sku} at {level.InventoryLocationId}: on_hand {level.OnHand}→{held.OnHand} (shipment {shipment.ShipmentId})", request.Path);
                level.OnHand = held.OnHand;
                level.Allocated = held.Allocated;
                level.UpdatedAt = now;
            }
            foreach (var item in shipment.Items)
            {
                item.Allocated = false;
            }
            shipment.Status = ShipmentRules.LabelPurchased;
            shipment.LabelId = ShipStationIds.Label(shipment.Sequence);
            shipment.TrackingNumber = ShipStationIds.TrackingNumber(shipment.Sequence);
            shipment.ShippedAt = now;
            shipment.ModifiedAt = now;
            // The label is in the carrier's system but the parcel not yet scanned: a track event, "NY".
            var queued = await WebhookOutbox.EnqueueTrackAsync(db, request, shipment, "NY", null, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (queued > 0)
            {
                signal.Notify();
            }
            ledger.RecordEffect($"label {shipment.LabelId} for shipment {shipment.ShipmentId}: tracking {shipment.TrackingNumber}", request.Path);
            return TypedResults.Json(Label.From(shipment, options!, request), ShipStationJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    private static async Task<(LabelOptions? Options, ShipStationFailure? Failure)> ReadOptionsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any())
        {
            return (new LabelOptions(), null);
        }
        var (options, failure) = await ShipStationBody.ReadAsync<LabelOptions>(request, cancellationToken);
        if (failure?.Error.ErrorCode == "request_body_required")
        {
            return (new LabelOptions(), null);
        }
        if (failure is not null)
        {
            return (null, failure);
        }
        return options switch
        {
            { LabelFormat: not (null or "pdf" or "png" or "zpl") } => (null, ShipStationErrors.InvalidValue("label_format must be pdf, png or zpl.")),
            { LabelLayout: not (null or "4x6" or "letter") } => (null, ShipStationErrors.InvalidValue("label_layout must be 4x6 or letter.")),
            { DisplayScheme: not (null or "label" or "qr_code" or "label_and_qr_code" or "paperless" or "label_and_paperless") } => (null, ShipStationErrors.InvalidValue("display_scheme is not a display scheme.")),
            _ => (options, null),
        };
    }
}

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

    public string CarrierCode { get; init; } = CreateLabelFromShipment.CarrierCode;

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
            CarrierId = s.CarrierId ?? ShipStationIds.CarrierId,
            ServiceCode = s.ServiceCode ?? CreateLabelFromShipment.ServiceCode,
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
            TrackingUrl = $"https://tools.usps.com/go/TrackConfirmAction?tLabels={s.TrackingNumber}",
            ShipTo = shipTo,
        };
    }
}
