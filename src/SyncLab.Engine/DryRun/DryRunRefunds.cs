using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Returns;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.DryRun;

/// <summary>
/// The refunds part of a dry run: for each storefront refund of the orders updated in the last
/// <see cref="DryRunOrders.Window"/>, whether <see cref="RefundToErpProcess"/> would key and post an ERP credit memo
/// (<see cref="CreditMemoPlan"/>), post a draft it finds, or leave it: already there, nothing shipped was taken back,
/// the order not invoiced yet (the process waits for the invoice), or a data error. Writes nothing.
/// </summary>
public static class DryRunRefunds
{
    public static async Task<DryRunReport> PlanAsync(
        ShopifyFulfilmentClient shop, BusinessCentralClient erp, EngineDb db, TimeZoneInfo merchantZone, DateTimeOffset since, int limit, CancellationToken ct)
    {
        const string process = RefundToErpProcess.ProcessName;
        var changes = new List<DryRunChange>();
        var skipped = new List<DryRunSkip>();
        var read = 0;
        await foreach (var refund in shop.RefundsOfOrdersUpdatedSinceAsync(since, ct))
        {
            if (++read > limit)
            {
                read = limit;
                break;
            }
            DryRunSkip Skip(string reason) => new(process, null, reason) { Order = refund.OrderName, Refund = refund.LegacyId };
            DryRunChange Change(string from, string to) => new(process, null, from, to) { Order = refund.OrderName, Refund = refund.LegacyId };
            if (!CreditMemoPlan.CreditsShippedGoods(refund))
            {
                skipped.Add(Skip("nothing that shipped was taken back (units cancelled before shipping): no credit memo is due"));
                continue;
            }
            var external = CreditMemoPlan.ExternalNumber(refund);
            if (await erp.SalesCreditMemoByExternalNumberAsync(external, ct) is { } memo)
            {
                if (memo.Status == "Draft")
                {
                    changes.Add(Change($"draft credit memo {memo.Number} ({external})", $"credit memo {memo.Number} posted"));
                }
                else
                {
                    skipped.Add(Skip($"already in the ERP as credit memo {memo.Number} ({external})"));
                }
                continue;
            }
            // The process trusts its own cross-reference first: a memo it recorded is never keyed again.
            if (await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == ErpItemReferences.System && m.Kind == RefundToErpProcess.CreditMemoKind && m.Key == refund.Id, ct))
            {
                skipped.Add(Skip("already recorded by the engine as credited (its cross-reference), though the ERP lists no credit memo " + external));
                continue;
            }
            if (await erp.PostedInvoiceByExternalNumberAsync(CreditMemoPlan.OrderExternalNumber(refund), ct) is not { } invoice)
            {
                skipped.Add(Skip($"waits for the order's invoice: {refund.OrderName} is not invoiced in the ERP yet"));
                continue;
            }
            try
            {
                var plan = CreditMemoPlan.Decide(refund, invoice, await ErpItemReferences.ItemIdsAsync(db, refund.Lines.Select(l => l.Sku), ct), merchantZone);
                var lines = string.Join(", ", plan.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Quantity:0} x {l.UnitPrice:0.00}")));
                changes.Add(Change("no credit memo", $"credit memo {external} against invoice {invoice.Number}, posted on {plan.CreditMemoDate:yyyy-MM-dd}: {lines}"));
            }
            catch (DataErrorException e)
            {
                skipped.Add(Skip($"data error: {e.Message}"));
            }
        }
        return new DryRunReport(0, changes, skipped) { RefundsRead = read };
    }
}
