using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Warehouse.Carriers;
using SyncLab.Mirrors.Warehouse.Shipments;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;
using SyncLab.Mirrors.Warehouse.Webhooks;

namespace SyncLab.Mirrors.Warehouse.Labels;

/// <summary>
/// <c>POST /v2/labels/shipment/{shipment_id}</c> (create_label_from_shipment): buys the label of a pending
/// shipment, so it ships with the carrier the shipment names (<c>carrier_id</c>; Stamps.com when none): the
/// carrier's tracking number is issued and every line leaves the shelf (on hand and, for allocated lines,
/// allocated go down).
/// </summary>
public static class CreateLabelFromShipment
{
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
            var now = clock.GetUtcNow();
            var refused = await BuyAsync(db, shipment, request.Path, now, ledger, cancellationToken);
            if (refused is not null)
            {
                return refused.ToResult();
            }
            // The label is in the carrier's system but the parcel not yet scanned: a track event, "NY".
            var queued = await WebhookOutbox.EnqueueTrackAsync(db, request, shipment, "NY", null, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (queued > 0)
            {
                signal.Notify();
            }
            return TypedResults.Json(Label.From(shipment, options!, request), ShipStationJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>
    /// Buys the label of a pending shipment with its carrier (Stamps.com when it names none): its goods leave the
    /// shelf, it gets the carrier's tracking number. Nothing is saved: the caller saves with its own changes.
    /// </summary>
    public static async Task<ShipStationFailure?> BuyAsync(WarehouseDb db, WhShipment shipment, PathString path, DateTimeOffset now, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        if (shipment.Status != ShipmentRules.Pending)
        {
            return ShipStationErrors.BusinessRule($"Shipment '{shipment.ShipmentId}' is {shipment.Status}; only a pending shipment can get a label.");
        }
        var skus = shipment.Items.Select(i => i.Sku).Distinct().ToList();
        var levels = await db.Levels.Where(l => l.InventoryLocationId == shipment.InventoryLocationId && skus.Contains(l.Sku)).ToDictionaryAsync(l => l.Sku, cancellationToken);
        var (after, refused) = ShipmentRules.Ship(
            shipment.Items.OrderBy(i => i.Index).Select(i => (i.Sku, i.Quantity, i.Allocated)).ToList(),
            levels.ToDictionary(l => l.Key, l => new HeldStock(l.Value.OnHand, l.Value.Allocated)));
        if (refused is not null)
        {
            return refused;
        }
        var sequence = await db.Transactions.MaxAsync(t => (long?)t.Sequence, cancellationToken) ?? 0;
        foreach (var (sku, held) in after!)
        {
            var level = levels[sku];
            db.Transactions.Add(new WhTransaction
            {
                Sequence = ++sequence, TransactionType = "ship", Sku = sku, InventoryLocationId = level.InventoryLocationId,
                Quantity = level.OnHand - held.OnHand, OnHandBefore = level.OnHand, OnHandAfter = held.OnHand, Reason = "shipment", Notes = shipment.ShipmentId, At = now,
            });
            ledger.RecordEffect($"inventory ship {sku} at {level.InventoryLocationId}: on_hand {level.OnHand}→{held.OnHand} (shipment {shipment.ShipmentId})", path);
            level.OnHand = held.OnHand;
            level.Allocated = held.Allocated;
            level.UpdatedAt = now;
        }
        foreach (var item in shipment.Items)
        {
            item.Allocated = false;
        }
        var carrier = ShipStationCarriers.Of(shipment.CarrierId);
        shipment.Status = ShipmentRules.LabelPurchased;
        shipment.LabelId = ShipStationIds.Label(shipment.Sequence);
        shipment.TrackingNumber = carrier.TrackingNumber(shipment.Sequence);
        shipment.ShippedAt = now;
        shipment.ModifiedAt = now;
        ledger.RecordEffect($"label {shipment.LabelId} for shipment {shipment.ShipmentId}: {carrier.CarrierCode} tracking {shipment.TrackingNumber}", path);
        return null;
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

