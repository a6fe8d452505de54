using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Fulfilment;

/// <summary>
/// A product recall stops fulfilment: when the office blocks an ERP item, every warehouse shipment of a web
/// order still waiting to be picked with that SKU is cancelled, and the engine reports which orders were
/// stopped (and which had already shipped) as a data error on the SKU, for someone to tell the shoppers.
/// New orders with the item never reach the warehouse: the ERP refuses a blocked item on a sales order.
/// </summary>
public sealed class RecallProcess(ShipStationClient? warehouse, IDbContextFactory<EngineDb> dbs) : IProcess
{
    public const string ProcessName = "recall";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var state = JsonSerializer.Deserialize<ErpItemState>(item.Payload)!;
        if (!state.Blocked || warehouse is null)
        {
            return ProcessOutcome.Nothing;
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            // Nothing ever went to the warehouse (an engine's first sync, full of legacy blocked items): nothing to stop.
            if (!await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == OrderToWmsProcess.System && m.Kind == OrderToWmsProcess.ShipmentKind, ct))
            {
                return ProcessOutcome.Nothing;
            }
        }
        // Read every page first: cancelling while paging through "pending" would shift the pages.
        var stopped = new List<ShipStationShipment>();
        await foreach (var shipment in warehouse.ShipmentsModifiedSinceAsync(DateTimeOffset.UnixEpoch, ShipStationShipment.Pending, ct))
        {
            if (IsWebOrderWith(shipment, state.Sku))
            {
                stopped.Add(shipment);
            }
        }
        foreach (var shipment in stopped)
        {
            await warehouse.CancelShipmentAsync(shipment.ShipmentId, ct);
        }
        if (stopped.Count == 0)
        {
            return ProcessOutcome.Nothing;
        }
        throw new DataErrorException(
            $"recall of {state.Sku}: warehouse shipments {string.Join(", ", stopped.Select(s => $"{s.ShipmentId} ({s.ShipmentNumber})"))} cancelled before they shipped; tell the shoppers and refund or replace");
    }

    private static bool IsWebOrderWith(ShipStationShipment shipment, string sku) =>
        ShipmentPlan.IsWebOrderParcel(shipment)
        && shipment.Items.Any(i => i.Sku is not null && string.Equals(SkuRules.Canonical(i.Sku), sku, StringComparison.Ordinal));
}
