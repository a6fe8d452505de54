using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Fulfilment;

/// <summary>
/// Cursor polling of ShipStation shipments whose label was bought (they have shipped), by <c>modified_at</c>
/// with the same overlap window as every source. Only the engine's own shipments (external id SHOPIFY-…) count.
/// </summary>
public sealed class WmsShipmentCapture(ShipStationClient warehouse, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "warehouse.shipments";

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkpoint = await WorkQueue.CheckpointAsync(db, Source, ct);
        var since = WorkQueue.ReadFrom(checkpoint, options.PollOverlap);

        var changes = new List<CapturedChange>();
        await foreach (var shipment in warehouse.ShipmentsModifiedSinceAsync(since, ShipStationShipment.LabelPurchased, ct))
        {
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, shipment.ModifiedAt.UtcTicks);
            if (shipment.ExternalShipmentId?.StartsWith("SHOPIFY-", StringComparison.Ordinal) == true && shipment.ExternalOrderId is not null)
            {
                changes.Add(new CapturedChange(ShipmentToStoreProcess.ProcessName, shipment.ShipmentId, WorkQueue.Version(shipment.ModifiedAt), JsonSerializer.Serialize(shipment)));
            }
        }
        var queued = await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
