using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Fulfilment;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Orders;

/// <summary>
/// Storefront order → ERP sales order, exactly once in effect. The engine's cross-reference (written in the
/// same transaction that marks the change applied) answers "done already?"; for the window between the
/// ERP's answer and that commit, the ERP itself is asked for the order's external document number.
/// Once the ERP has the order (or its cancellation is done), the order is handed on to the warehouse.
/// A cancelled order the warehouse has already shipped is not undone in the ERP (it needs a return): the warehouse
/// is asked first, when one is configured. An order whose day the ERP's books are closed for is posted on today,
/// or held until the period opens (<see cref="ClosedBooks"/>).
/// </summary>
public sealed class OrderToErpProcess(
    BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, EngineOptions options, TimeProvider clock, Shoppers.ShopperLocks customerLocks, ShipStationClient? warehouse = null) : IProcess
{
    public const string ProcessName = "orders";
    public const string SalesOrderKind = "salesOrder";
    public const string CustomerKind = "customer";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var order = JsonSerializer.Deserialize<ShopifyOrder>(item.Payload)!;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (order.CancelledAt is not null)
        {
            return await CancelAsync(order, ct) with { FollowUps = [OrderToWmsProcess.HandOff(item)] };
        }
        if (await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == ErpItemReferences.System && m.Kind == SalesOrderKind && m.Key == order.Id, ct))
        {
            return ProcessOutcome.Nothing;
        }
        var external = SalesOrderPlan.ExternalNumber(order);
        if (await erp.SalesDocumentByExternalNumberAsync(external, ct) is { } existing)
        {
            return ProcessOutcome.Changed($"order {order.Name} already in the ERP as {existing.Number}", Reference(order, existing)) with { FollowUps = [OrderToWmsProcess.HandOff(item)] };
        }
        if (string.IsNullOrWhiteSpace(order.Email))
        {
            throw new DataErrorException($"order {order.Name} has no e-mail to match an ERP customer by");
        }
        // Checked before anything is written: an order taxed otherwise than the ERP would tax it creates nothing there.
        SalesTaxCheck.Ensure(order, SalesOrderPlan.OrderDate(order, options.MerchantZone()), await erp.SalesTaxRatesAsync(ct));
        var itemIds = await ErpItemReferences.ItemIdsAsync(db, order.Lines.Select(l => l.Sku), ct);
        var customer = await CustomerAsync(order, ct);
        var plan = SalesOrderPlan.Decide(order, customer.Id, itemIds, options.MerchantZone());
        var (created, postingDate) = await ClosedBooks.PostAsync(
            $"order {order.Name}", plan.OrderDate, ClosedBooks.Today(clock, options.MerchantZone()), date => erp.CreateSalesOrderAsync(plan with { PostingDate = date }, ct));
        var moved = postingDate == plan.OrderDate ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", posting on {postingDate:yyyy-MM-dd} (books closed for {plan.OrderDate:yyyy-MM-dd})");
        return ProcessOutcome.Changed(
            $"order {order.Name} -> ERP sales order {created.Number} for {customer.Number}{moved}",
            Reference(order, created),
            new IdMapping { System = ErpItemReferences.System, Kind = CustomerKind, Key = order.Email.ToLowerInvariant(), TargetId = customer.Id.ToString("D"), Extra = customer.Number })
            with { FollowUps = [OrderToWmsProcess.HandOff(item)] };
    }

    /// <summary>
    /// A cancelled web order: an open ERP sales order is deleted (cancellation before release); one the ERP
    /// already invoiced cannot be silently undone — it needs a credit memo, so it is a data error to act on.
    /// One never created is simply not created.
    /// </summary>
    private async Task<ProcessOutcome> CancelAsync(ShopifyOrder order, CancellationToken ct)
    {
        // The warehouse may have shipped before the ERP heard of it: then nothing is undone, whatever the ERP says.
        if (warehouse is not null)
        {
            var shipments = await OrderToWmsProcess.ShipmentsOfAsync(warehouse, order, ShipmentPlan.ExternalShipmentId(order), ct);
            if (OrderToWmsProcess.Shipped(shipments) is { } shipped)
            {
                // A parcel left but the rest has not: the warehouse process (handed on) stops the rest and reports the parcel.
                // (Stopped already — cancelled — when the warehouse process came first.)
                return shipments.Any(s => s.ShipmentStatus is ShipStationShipment.Pending or ShipStationShipment.Cancelled)
                    ? ProcessOutcome.Changed($"order {order.Name} cancelled after shipment {shipped.ShipmentId} left: the ERP sales order stays, the rest is stopped in the warehouse")
                    : throw new DataErrorException(OrderToWmsProcess.AlreadyShipped(order, shipped));
            }
        }
        var external = SalesOrderPlan.ExternalNumber(order);
        if (await erp.SalesOrderByExternalNumberAsync(external, ct) is { } open)
        {
            await erp.DeleteSalesOrderAsync(open.Id, ct);
            return ProcessOutcome.Changed($"order {order.Name} cancelled -> ERP sales order {open.Number} deleted");
        }
        if (await erp.SalesInvoiceByExternalNumberAsync(external, ct) is { } invoiced)
        {
            throw new DataErrorException($"order {order.Name} was cancelled after the ERP invoiced it as {invoiced.Number}: it needs a credit memo");
        }
        return ProcessOutcome.Nothing;
    }

    private async Task<BcCustomer> CustomerAsync(ShopifyOrder order, CancellationToken ct)
    {
        // Two orders of one new shopper, or an order and the shopper-data process, must not create two ERP customers.
        using (await customerLocks.EnterAsync(order.Email, ct))
        {
            return await erp.CustomerByEmailAsync(order.Email!, ct) ?? await erp.CreateCustomerAsync(SalesOrderPlan.NewCustomer(order), ct);
        }
    }

    private static IdMapping Reference(ShopifyOrder order, BcSalesDocument document) =>
        new() { System = ErpItemReferences.System, Kind = SalesOrderKind, Key = order.Id, TargetId = document.Id.ToString("D"), Extra = document.Number };
}
