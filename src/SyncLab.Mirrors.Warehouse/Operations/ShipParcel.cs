using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Warehouse.Carriers;
using SyncLab.Mirrors.Warehouse.Labels;
using SyncLab.Mirrors.Warehouse.Store;
using SyncLab.Mirrors.Warehouse.Webhooks;

namespace SyncLab.Mirrors.Warehouse.Operations;

/// <summary>
/// <c>POST /_synclab/warehouse/shipments/{shipment_id}/parcels</c>: the warehouse ships what it has of a pending
/// shipment, as its staff would in ShipStation: the units named are split off into a shipment of their own
/// (<see cref="SplitShipment"/>; none named, or all of them: the whole shipment) and its label is bought with the
/// carrier asked for (<c>stamps_com</c>, <c>ups</c>, <c>fedex</c>; default the shipment's own). The rest stays
/// pending on the original shipment, to ship later or be cancelled.
/// </summary>
public static class ShipParcel
{
    public static void Map(RouteGroupBuilder warehouse) => warehouse.MapPost("/shipments/{shipment_id}/parcels", HandleAsync);

    public static async Task<Results<Ok<ParcelShipped>, ProblemHttpResult>> HandleAsync(
        [FromRoute(Name = "shipment_id")] string shipmentId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger,
        WebhookSignal signal, CancellationToken cancellationToken)
    {
        var (body, invalid) = await WarehouseOperations.ReadAsync<ParcelRequest>(request, "warehouse-parcel-invalid", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        ShipStationCarrier? carrier = null;
        if (body!.CarrierCode is { } code && (carrier = ShipStationCarriers.ByCode(code)) is null)
        {
            return AdminApi.Problem("warehouse-parcel-invalid", "Unknown carrier",
                $"This account has no carrier '{code}'; it ships with {string.Join(", ", ShipStationCarriers.All.Select(c => c.CarrierCode))}.");
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var original = await db.Shipments.Include(s => s.Items).FirstOrDefaultAsync(s => s.ShipmentId == shipmentId, cancellationToken);
            if (original is null)
            {
                return AdminApi.Problem("warehouse-shipment-unknown", "No such shipment", $"ShipStation has no shipment '{shipmentId}'.", StatusCodes.Status404NotFound);
            }
            var parcel = original;
            string? remaining = null;
            if (body.Items is { Count: > 0 } items && !IsWhole(original, items))
            {
                var (split, problem) = await SplitShipment.SplitAsync(db, shipmentId, items, now, ledger, request.Path, cancellationToken);
                if (problem is not null)
                {
                    return problem;
                }
                parcel = db.Shipments.Local.Single(s => s.ShipmentId == split!.NewShipmentId);
                remaining = original.ShipmentId;
            }
            if (carrier is not null)
            {
                parcel.CarrierId = carrier.CarrierId;
                parcel.ServiceCode = carrier.DefaultService;
            }
            var refused = await CreateLabelFromShipment.BuyAsync(db, parcel, request.Path, now, ledger, cancellationToken);
            if (refused is not null)
            {
                return AdminApi.Problem("warehouse-refused", "ShipStation refused the label", refused.Error.Message, StatusCodes.Status409Conflict);
            }
            var queued = await WebhookOutbox.EnqueueTrackAsync(db, request, parcel, "NY", null, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (queued > 0)
            {
                signal.Notify();
            }
            var shippedWith = ShipStationCarriers.Of(parcel.CarrierId);
            return TypedResults.Ok(new ParcelShipped(
                parcel.ShipmentId, remaining, parcel.LabelId!, shippedWith.CarrierCode, parcel.TrackingNumber!, shippedWith.TrackingUrl(parcel.TrackingNumber!),
                parcel.Items.OrderBy(i => i.Index).Select(i => new ParcelLine(i.Sku, i.Quantity)).ToList()));
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Whether the units named are every unit of the shipment (then it ships whole, without a split).</summary>
    private static bool IsWhole(WhShipment shipment, IReadOnlyList<ParcelLine> items)
    {
        var named = items.GroupBy(i => (i.Sku ?? string.Empty).ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var held = shipment.Items.GroupBy(i => i.Sku.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        return named.Count == held.Count && named.All(n => held.TryGetValue(n.Key, out var q) && q == n.Value);
    }
}

public sealed record ParcelRequest(IReadOnlyList<ParcelLine>? Items, string? CarrierCode = null);

/// <summary>The parcel that left: its shipment, the label and tracking, what it carries; and the shipment still pending, if any.</summary>
public sealed record ParcelShipped(
    string ShipmentId, string? RemainingShipmentId, string LabelId, string CarrierCode, string TrackingNumber, string TrackingUrl, IReadOnlyList<ParcelLine> Items);
