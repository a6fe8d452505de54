using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.PosSales;

/// <summary>
/// A completed sale at a store (Square order) → one ERP sales order for the walk-in cash customer
/// (<see cref="EngineOptions.PosCashCustomer"/>, created when missing), shipped and invoiced at once
/// (<c>Microsoft.NAV.shipAndInvoice</c>): the goods have left the store, and the POS keeps its own books, so the ERP's
/// stock only goes down when this posts. Exactly once in effect: the engine's cross-reference answers "done already?";
/// for the window between the ERP's answer and that commit, the ERP is asked for <c>SQUARE-&lt;order id&gt;</c> — an
/// open order found (created, not yet posted) is posted, an invoice found is the sale already booked. A sale whose
/// day the books are closed for posts on today, or is held (<see cref="ClosedBooks"/>).
/// </summary>
public sealed class PosSaleToErpProcess(
    BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, EngineOptions options, TimeProvider clock, Shoppers.ShopperLocks customerLocks) : IProcess
{
    public const string ProcessName = "pos.sales";
    public const string SaleKind = "posSale";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var sale = JsonSerializer.Deserialize<PosSale>(item.Payload)!;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == ErpItemReferences.System && m.Kind == SaleKind && m.Key == sale.OrderId, ct))
        {
            return ProcessOutcome.Nothing;
        }
        var what = PosSalePlan.Describe(sale);
        var external = PosSalePlan.ExternalNumber(sale.OrderId);
        if (await erp.SalesOrderByExternalNumberAsync(external, ct) is { } open)
        {
            // Created before a crash, never posted: post it now.
            await erp.ShipAndInvoiceAsync(open.Id, ct);
            return ProcessOutcome.Changed($"{what}: ERP sales order {open.Number} found open, shipped and invoiced", Reference(sale, open));
        }
        if (await erp.SalesInvoiceByExternalNumberAsync(external, ct) is { } invoiced)
        {
            return ProcessOutcome.Changed($"{what} already in the ERP as invoice {invoiced.Number}", Reference(sale, invoiced));
        }
        var itemIds = await ErpItemReferences.ItemIdsAsync(db, sale.Lines.Select(l => l.Sku), ct);
        var customer = await CashCustomerAsync(ct);
        var plan = PosSalePlan.Decide(sale, customer.Id, itemIds, options.MerchantZone());
        var (created, postingDate) = await ClosedBooks.PostAsync(
            what, plan.OrderDate, ClosedBooks.Today(clock, options.MerchantZone()), date => erp.CreateSalesOrderAsync(plan with { PostingDate = date }, ct));
        await erp.ShipAndInvoiceAsync(created.Id, ct);
        var moved = postingDate == plan.OrderDate ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", posted on {postingDate:yyyy-MM-dd} (books closed for {plan.OrderDate:yyyy-MM-dd})");
        return ProcessOutcome.Changed($"{what} -> ERP sales order {created.Number} for {customer.Number}, shipped and invoiced{moved}", Reference(sale, created));
    }

    private async Task<BcCustomer> CashCustomerAsync(CancellationToken ct)
    {
        var number = options.PosCashCustomer;
        // Two sales at once must not key the cash customer twice.
        using (await customerLocks.EnterAsync(number, ct))
        {
            return await erp.CustomerByNumberAsync(number, ct) ?? await erp.CreateNumberedCustomerAsync(number, "Cash sales at the stores", ct);
        }
    }

    private static IdMapping Reference(PosSale sale, BcSalesDocument document) =>
        new() { System = ErpItemReferences.System, Kind = SaleKind, Key = sale.OrderId, TargetId = document.Id.ToString("D"), Extra = document.Number };
}
