using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Fulfilment;

/// <summary>
/// A web order the ERP has → one ShipStation shipment to pick and ship, exactly once in effect: the engine's
/// cross-reference answers "done already?", and for the window between ShipStation's answer and the engine's
/// commit, ShipStation is asked for the order's <c>external_shipment_id</c>. The order process hands each order
/// on once its ERP sales order exists, so nothing ships that the ERP does not know.
/// A cancelled order cancels a shipment still pending; one whose label is bought has shipped: a data error.
/// </summary>
public sealed class OrderToWmsProcess(ShipStationClient warehouse, IDbContextFactory<EngineDb> dbs, EngineOptions options) : IProcess
{
    public const string ProcessName = "fulfilment";
    public const string System = "warehouse";
    public const string ShipmentKind = "shipment";

    public string Name => ProcessName;

    /// <summary>The hand-off from the order process: the same order, at the same version, for this process.</summary>
    public static CapturedChange HandOff(WorkItem order) => new(ProcessName, order.Key, order.Version, order.Payload);

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var order = JsonSerializer.Deserialize<ShopifyOrder>(item.Payload)!;
        var external = ShipmentPlan.ExternalShipmentId(order);
        if (order.CancelledAt is not null)
        {
            return await CancelAsync(order, external, ct);
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == System && m.Kind == ShipmentKind && m.Key == order.Id, ct))
            {
                return ProcessOutcome.Nothing;
            }
        }
        var existing = (await warehouse.ShipmentsByExternalIdAsync(external, ct)).FirstOrDefault(s => s.ShipmentStatus != ShipStationShipment.Cancelled);
        if (existing is not null)
        {
            return ProcessOutcome.Changed($"order {order.Name} already in the warehouse as shipment {existing.ShipmentId}", Reference(order, existing));
        }
        var plan = ShipmentPlan.Decide(order, await warehouse.WarehouseIdAsync(ct), options.ShipToFallbackPhone);
        var created = await warehouse.CreateShipmentAsync(plan, ct);
        return ProcessOutcome.Changed(
            $"order {order.Name} -> warehouse shipment {created.ShipmentId} ({string.Join(", ", plan.Items.Select(i => $"{i.Sku} x{i.Quantity}"))})",
            Reference(order, created));
    }

    private async Task<ProcessOutcome> CancelAsync(ShopifyOrder order, string external, CancellationToken ct)
    {
        var shipments = await ShipmentsOfAsync(warehouse, order, external, ct);
        // What has not left yet is stopped, even when a parcel of the order already went: the rest never ships.
        var pending = shipments.Where(s => s.ShipmentStatus == ShipStationShipment.Pending).ToList();
        foreach (var shipment in pending)
        {
            await warehouse.CancelShipmentAsync(shipment.ShipmentId, ct);
        }
        if (Shipped(shipments) is { } shipped)
        {
            throw new DataErrorException(AlreadyShipped(order, shipped)
                + (pending.Count == 0 ? string.Empty : $"; the rest (shipment {string.Join(", ", pending.Select(s => s.ShipmentId))}) was cancelled before it shipped, so the ERP sales order is not invoiced in full: the office posts what shipped"));
        }
        return pending.Count == 0
            ? ProcessOutcome.Nothing
            : ProcessOutcome.Changed($"order {order.Name} cancelled -> warehouse shipment {string.Join(", ", pending.Select(s => s.ShipmentId))} cancelled");
    }

    /// <summary>Every warehouse shipment of a web order: the engine's own and the parcels the warehouse split off it.</summary>
    public static Task<IReadOnlyList<ShipStationShipment>> ShipmentsOfAsync(ShipStationClient warehouse, ShopifyOrder order, string external, CancellationToken ct) =>
        warehouse.ShipmentsOfOrderAsync(external, order.Name, order.Id, ct);

    /// <summary>The order's first shipment that has its label (a parcel that has shipped), if any.</summary>
    public static ShipStationShipment? Shipped(IEnumerable<ShipStationShipment> shipments) =>
        shipments.FirstOrDefault(s => s.ShipmentStatus == ShipStationShipment.LabelPurchased);

    public static string AlreadyShipped(ShopifyOrder order, ShipStationShipment shipped) =>
        $"order {order.Name} was cancelled after the warehouse shipped it (shipment {shipped.ShipmentId} has its label): already shipped, it needs a return";

    private static IdMapping Reference(ShopifyOrder order, ShipStationShipment shipment) =>
        new() { System = System, Kind = ShipmentKind, Key = order.Id, TargetId = shipment.ShipmentId, Extra = order.Name };
}
