using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Fulfilment;

/// <summary>
/// A shipment the warehouse shipped → the storefront order gets a fulfillment with the label's tracking number
/// and carrier, and the ERP sales order is shipped and invoiced. Each side is asked first whether it has it
/// already (the tracking number on the order's fulfillments; the invoice by external document number), so a
/// shipment seen twice — poll overlap, a retry after a half-done attempt — fulfils and invoices once.
/// A problem on one side does not keep the other from being done. An order the warehouse ships in parcels (a split)
/// gets one fulfilment per parcel, of the units that parcel carries; the ERP ships and invoices once, with the last.
/// </summary>
public sealed class ShipmentToStoreProcess(ShipStationClient warehouse, ShopifyFulfilmentClient shop, BusinessCentralClient erp, EngineOptions options, TimeProvider clock) : IProcess
{
    public const string ProcessName = "shipments";
    public const string FulfillmentKind = "fulfillment";

    // Two parcels of one order (a split, or the same order keyed in twice) are recorded one after the other.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _orderLocks = new(StringComparer.Ordinal);

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var shipment = JsonSerializer.Deserialize<ShipStationShipment>(item.Payload)!;
        if (shipment.ShipmentStatus != ShipStationShipment.LabelPurchased || !ShipmentPlan.IsWebOrderParcel(shipment) || shipment.ExternalOrderId is null)
        {
            return ProcessOutcome.Nothing;
        }
        var gate = _orderLocks.GetOrAdd(shipment.ExternalOrderId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await RecordAsync(shipment, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every shipment of the parcel's order (itself, the one it was split from, those split off with it).</summary>
    public static async Task<IReadOnlyList<ShipStationShipment>> SiblingsAsync(ShipStationClient warehouse, ShipStationShipment shipment, CancellationToken ct) =>
        shipment.ShipmentNumber is { } number
            ? await warehouse.ShipmentsOfOrderAsync(ShipmentPlan.OrderReference(shipment), number, shipment.ExternalOrderId!, ct)
            : [];

    private async Task<ProcessOutcome> RecordAsync(ShipStationShipment shipment, CancellationToken ct)
    {
        var external = ShipmentPlan.OrderReference(shipment);
        var label = await warehouse.LabelAsync(shipment.ShipmentId, ct)
            ?? throw new VendorCallException("warehouse", $"shipment {shipment.ShipmentId} is shipped but ShipStation lists no label for it yet", transient: true);
        var problems = new List<string>();
        var done = new List<string>();
        IdMapping? reference = null;
        HeldException? held = null;

        var order = await shop.OrderFulfilmentAsync(shipment.ExternalOrderId!, ct);
        if (order is null)
        {
            problems.Add($"the storefront has no order {shipment.ExternalOrderId}");
        }
        else if (!order.TrackingNumbers.Contains(label.TrackingNumber, StringComparer.Ordinal))
        {
            try
            {
                var plan = FulfilmentPlan.Decide(shipment.Items, order.FulfillmentOrders);
                var carrier = FulfilmentPlan.CarrierName(label.CarrierCode);
                var fulfillmentId = await shop.CreateFulfillmentAsync(plan, new ShopifyTracking(carrier, label.TrackingNumber, label.TrackingUrl), ct);
                done.Add($"storefront order {order.Name} fulfilled ({carrier} {label.TrackingNumber})");
                reference = new IdMapping { System = "storefront", Kind = FulfillmentKind, Key = shipment.ShipmentId, TargetId = fulfillmentId, Extra = label.TrackingNumber };
            }
            catch (DataErrorException e)
            {
                problems.Add($"storefront order {order.Name}{(order.Cancelled ? " was cancelled" : string.Empty)}: {e.Message}");
            }
            catch (VendorCallException e) when (!e.Transient)
            {
                problems.Add($"storefront order {order.Name}{(order.Cancelled ? " was cancelled" : string.Empty)}: {e.Message}");
            }
        }

        // BC posts whole orders: the ERP ships and invoices once every shipment of the order has left the warehouse, as
        // the warehouse says (not the storefront: two parcels recorded at once, on two nodes, would each see the other's
        // units still open). A rest the warehouse stopped (the order cancelled after a parcel left) is never invoiced in
        // full: the office posts what shipped.
        var (completes, stopped) = ShipmentPlan.Posting(shipment, await SiblingsAsync(warehouse, shipment, ct));
        if ((completes || stopped is not null) && await erp.SalesInvoiceByExternalNumberAsync(external, ct) is null)
        {
            if (stopped is not null)
            {
                problems.Add($"the rest of the order (shipment {stopped.ShipmentId}) was stopped in the warehouse: ERP sales order {external} is not invoiced in full; the office posts what shipped");
            }
            else if (await erp.SalesOrderByExternalNumberAsync(external, ct) is { } salesOrder)
            {
                try
                {
                    var postingDate = await InvoiceAsync(salesOrder, ct);
                    done.Add(string.Create(CultureInfo.InvariantCulture, $"ERP sales order {salesOrder.Number} shipped and invoiced{(postingDate is { } d ? $" on {d:yyyy-MM-dd}" : string.Empty)}"));
                }
                catch (HeldException e)
                {
                    held = e;
                }
                catch (VendorCallException e) when (!e.Transient)
                {
                    problems.Add($"ERP sales order {salesOrder.Number} could not be shipped and invoiced: {e.Message}");
                }
            }
            else if (await erp.SalesInvoiceByExternalNumberAsync(external, ct) is null)
            {
                // (An invoice found now was posted meanwhile by the record of a sibling parcel: done.)
                problems.Add($"the ERP has no open sales order {external} to ship and invoice");
            }
        }
        if (problems.Count > 0)
        {
            // What was done stays done (the next attempt finds it); what is wrong is reported on the shipment.
            throw new DataErrorException($"shipment {shipment.ShipmentId} ({shipment.ShipmentNumber}): {string.Join("; ", problems)}");
        }
        if (held is not null)
        {
            // The storefront side is done and found again next time; the invoice waits for the office to open the period.
            throw new HeldException($"shipment {shipment.ShipmentId} ({shipment.ShipmentNumber}): {held.Message}");
        }
        var summary = $"shipment {shipment.ShipmentId} -> {(done.Count == 0 ? "already recorded" : string.Join(", ", done))}";
        return reference is null ? ProcessOutcome.Changed(summary) : ProcessOutcome.Changed(summary, reference);
    }

    /// <summary>
    /// Ships and invoices the order on its posting date; when the ERP's books are closed for that day, on the
    /// merchant's today (the order's posting date moved first), else held (<see cref="ClosedBooks"/>).
    /// Answers the posting date when it had to move.
    /// </summary>
    private async Task<DateOnly?> InvoiceAsync(BcSalesDocument salesOrder, CancellationToken ct)
    {
        try
        {
            await erp.ShipAndInvoiceAsync(salesOrder.Id, ct);
            return null;
        }
        catch (VendorCallException e) when (ClosedBooks.Refused(e) && salesOrder.PostingDate is { } own)
        {
            var today = ClosedBooks.Today(clock, options.MerchantZone());
            if (today <= own)
            {
                throw ClosedBooks.Hold($"the invoice of ERP sales order {salesOrder.Number}", own, today);
            }
            try
            {
                await erp.MoveSalesOrderPostingDateAsync(salesOrder.Id, today, ct);
                await erp.ShipAndInvoiceAsync(salesOrder.Id, ct);
                return today;
            }
            catch (VendorCallException again) when (ClosedBooks.Refused(again))
            {
                throw ClosedBooks.Hold($"the invoice of ERP sales order {salesOrder.Number}", own, today);
            }
        }
    }
}
