using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Fulfilment;

/// <summary>
/// Cursor polling of ShipStation shipments whose label was bought (they have shipped), by <c>modified_at</c>
/// with the same overlap window as every source. Only parcels of web orders count: the engine's own shipments
/// (external id SHOPIFY-…) and those the warehouse split off them (<see cref="ShipmentPlan.IsWebOrderParcel"/>).
/// Each parcel is its own key, so two parcels of an order are two changes, each recorded once.
/// </summary>
public sealed class WmsShipmentCapture(ShipStationClient warehouse, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "warehouse.shipments";

    public string Name => Source;

    public Task<int> PollAsync(CancellationToken ct) => CursorPoll.RunAsync(dbs, Source, clock, options.PollOverlap, ShippedSinceAsync, ct);

    private async IAsyncEnumerable<CapturedChange> ShippedSinceAsync(DateTimeOffset since, Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var shipment in warehouse.ShipmentsModifiedSinceAsync(since, ShipStationShipment.LabelPurchased, ct))
        {
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, shipment.ModifiedAt.UtcTicks);
            if (ShipmentPlan.IsWebOrderParcel(shipment))
            {
                yield return new CapturedChange(ShipmentToStoreProcess.ProcessName, shipment.ShipmentId, WorkQueue.Version(shipment.ModifiedAt), JsonSerializer.Serialize(shipment));
            }
        }
    }
}
