using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Shipments;

/// <summary><c>PUT /v2/shipments/{shipment_id}/cancel</c> (cancel_shipments): 204; a pending shipment releases what it allocated.</summary>
public static class CancelShipment
{
    public static void Map(RouteGroupBuilder v2) => v2.MapPut("/shipments/{shipment_id}/cancel", HandleAsync);

    public static async Task<Results<NoContent, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        [FromRoute(Name = "shipment_id")] string shipmentId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger,
        CancellationToken cancellationToken)
    {
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var shipment = await db.Shipments.Include(s => s.Items).FirstOrDefaultAsync(s => s.ShipmentId == shipmentId, cancellationToken);
            if (shipment is null)
            {
                return ShipStationErrors.NotFound($"Shipment '{shipmentId}' was not found.").ToResult();
            }
            if (shipment.Status == ShipmentRules.LabelPurchased)
            {
                return ShipStationErrors.BusinessRule($"Shipment '{shipmentId}' has a label and has shipped; it cannot be cancelled.").ToResult();
            }
            if (shipment.Status == ShipmentRules.Cancelled)
            {
                return TypedResults.NoContent();
            }
            var now = clock.GetUtcNow();
            var skus = shipment.Items.Where(i => i.Allocated).Select(i => i.Sku).Distinct().ToList();
            var levels = await db.Levels.Where(l => l.InventoryLocationId == shipment.InventoryLocationId && skus.Contains(l.Sku)).ToDictionaryAsync(l => l.Sku, cancellationToken);
            foreach (var item in shipment.Items.Where(i => i.Allocated))
            {
                levels[item.Sku].Allocated -= item.Quantity;
                levels[item.Sku].UpdatedAt = now;
                item.Allocated = false;
            }
            shipment.Status = ShipmentRules.Cancelled;
            shipment.ModifiedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"shipment {shipment.ShipmentId} cancelled; allocation released", request.Path);
            return TypedResults.NoContent();
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }
}
