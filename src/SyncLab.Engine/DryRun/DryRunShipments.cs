using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Fulfilment;

namespace SyncLab.Engine.DryRun;

/// <summary>
/// The shipments part of a dry run: for each web order's shipment the warehouse shipped (label bought) in the last
/// <see cref="DryRunOrders.Window"/>, what <see cref="ShipmentToStoreProcess"/> would record — the storefront fulfilment
/// with the label's tracking (<see cref="FulfilmentPlan"/>) and the ERP sales order shipped and invoiced once nothing is
/// left to ship — asking each side first whether it has it, as the process does. Writes nothing.
/// </summary>
public static class DryRunShipments
{
    public static async Task<DryRunReport> PlanAsync(
        ShipStationClient warehouse, ShopifyFulfilmentClient shop, BusinessCentralClient erp, DateTimeOffset since, int limit, CancellationToken ct)
    {
        var changes = new List<DryRunChange>();
        var skipped = new List<DryRunSkip>();
        var read = 0;
        await foreach (var shipment in warehouse.ShipmentsModifiedSinceAsync(since, ShipStationShipment.LabelPurchased, ct))
        {
            // Only the engine's own shipments and the parcels split off them flow back (as WmsShipmentCapture reads them).
            if (!ShipmentPlan.IsWebOrderParcel(shipment) || shipment.ExternalOrderId is null)
            {
                continue;
            }
            if (++read > limit)
            {
                read = limit;
                break;
            }
            var (change, skip) = await PlanAsync(warehouse, shop, erp, shipment, ct);
            changes.AddRange(change);
            skipped.AddRange(skip);
        }
        return new DryRunReport(0, changes, skipped) { ShipmentsRead = read };
    }

    private static async Task<(List<DryRunChange> Changes, List<DryRunSkip> Skipped)> PlanAsync(
        ShipStationClient warehouse, ShopifyFulfilmentClient shop, BusinessCentralClient erp, ShipStationShipment shipment, CancellationToken ct)
    {
        const string process = ShipmentToStoreProcess.ProcessName;
        var name = shipment.ShipmentNumber;
        DryRunChange Change(string from, string to) => new(process, null, from, to) { Order = name, Shipment = shipment.ShipmentId };
        DryRunSkip Skip(string reason) => new(process, null, reason) { Order = name, Shipment = shipment.ShipmentId };

        var label = await warehouse.LabelAsync(shipment.ShipmentId, ct);
        if (label is null)
        {
            return ([], [Skip("shipped, but ShipStation lists no label for it yet: the back-flow waits for the label")]);
        }
        var changes = new List<DryRunChange>();
        var problems = new List<string>();
        var recorded = new List<string>();
        var order = await shop.OrderFulfilmentAsync(shipment.ExternalOrderId!, ct);
        var (completes, stopped) = ShipmentPlan.Posting(shipment, await ShipmentToStoreProcess.SiblingsAsync(warehouse, shipment, ct));
        if (order is null)
        {
            problems.Add($"the storefront has no order {shipment.ExternalOrderId}");
        }
        else if (order.TrackingNumbers.Contains(label.TrackingNumber, StringComparer.Ordinal))
        {
            name = order.Name;
            recorded.Add($"storefront order {order.Name} fulfilled ({label.TrackingNumber})");
        }
        else
        {
            name = order.Name;
            try
            {
                var plan = FulfilmentPlan.Decide(shipment.Items, order.FulfillmentOrders);
                var units = plan.Sum(l => l.Quantity);
                changes.Add(Change(
                    string.Create(CultureInfo.InvariantCulture, $"storefront order {order.Name}: {Left(order)} unit(s) left to ship"),
                    string.Create(CultureInfo.InvariantCulture, $"{units} unit(s) fulfilled with {FulfilmentPlan.CarrierName(label.CarrierCode)} {label.TrackingNumber}{(completes ? string.Empty : ", the rest still to ship")}")));
            }
            catch (DataErrorException e)
            {
                problems.Add($"storefront order {order.Name}{(order.Cancelled ? " was cancelled" : string.Empty)}: {e.Message}");
            }
        }

        // BC posts whole orders: the ERP ships and invoices once every shipment of the order has left the warehouse.
        var external = ShipmentPlan.OrderReference(shipment);
        if (stopped is not null)
        {
            problems.Add($"the rest of the order (shipment {stopped.ShipmentId}) was stopped in the warehouse: ERP sales order {external} is not invoiced in full; the office posts what shipped");
        }
        else if (!completes)
        {
            recorded.Add($"the ERP sales order {external} waits until the whole order has shipped");
        }
        else if (await erp.SalesInvoiceByExternalNumberAsync(external, ct) is { } invoice)
        {
            recorded.Add($"ERP invoice {invoice.Number}");
        }
        else if (await erp.SalesOrderByExternalNumberAsync(external, ct) is { } salesOrder)
        {
            changes.Add(Change($"ERP sales order {salesOrder.Number} open", $"ERP sales order {salesOrder.Number} shipped and invoiced"));
        }
        else
        {
            problems.Add($"the ERP has no open sales order {external} to ship and invoice");
        }

        List<DryRunSkip> skipped = [];
        if (problems.Count > 0)
        {
            skipped.Add(Skip($"data error: shipment {shipment.ShipmentId} ({shipment.ShipmentNumber}): {string.Join("; ", problems)}"));
        }
        else if (changes.Count == 0)
        {
            skipped.Add(Skip($"already recorded: {string.Join(", ", recorded)}"));
        }
        return (changes, skipped);
    }

    private static int Left(ShopifyOrderFulfilment order) =>
        order.FulfillmentOrders.Where(f => f.Status is "OPEN" or "IN_PROGRESS").Sum(f => f.Lines.Sum(l => l.RemainingQuantity));
}
