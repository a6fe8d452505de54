using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Returns;

/// <summary>
/// A storefront refund of goods that shipped and came back → one posted ERP sales credit memo against the
/// order's invoice, exactly once in effect: the engine's cross-reference first, then the ERP asked for the
/// refund's external document number (a draft found there is posted, not created again). A refund of an order
/// the ERP has not invoiced yet waits (retried) for the shipment to be invoiced.
/// </summary>
public sealed class RefundToErpProcess(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, EngineOptions options, TimeProvider clock) : IProcess
{
    public const string ProcessName = "refunds";
    public const string CreditMemoKind = "creditMemo";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var refund = JsonSerializer.Deserialize<ShopifyRefund>(item.Payload)!;
        if (!CreditMemoPlan.CreditsShippedGoods(refund))
        {
            return ProcessOutcome.Nothing;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == ErpItemReferences.System && m.Kind == CreditMemoKind && m.Key == refund.Id, ct))
        {
            return ProcessOutcome.Nothing;
        }
        var external = CreditMemoPlan.ExternalNumber(refund);
        if (await erp.SalesCreditMemoByExternalNumberAsync(external, ct) is { } existing)
        {
            if (existing.Status == "Draft")
            {
                existing = await PostAsync(refund, existing, () => PlanAsync(refund, db, ct), ct);
            }
            return ProcessOutcome.Changed($"refund {refund.LegacyId} of {refund.OrderName} already in the ERP as credit memo {existing.Number}", Reference(refund, existing));
        }
        var (invoice, plan) = await PlanAsync(refund, db, ct);
        var memo = await PostAsync(refund, await erp.CreateSalesCreditMemoAsync(plan, ct), () => Task.FromResult((invoice, plan)), ct);
        return ProcessOutcome.Changed(
            $"refund {refund.LegacyId} of {refund.OrderName} -> ERP credit memo {memo.Number} against invoice {invoice.Number} ({string.Join(", ", plan.Lines.Select(l => $"{l.Quantity:0} x {l.UnitPrice:0.00}"))})",
            Reference(refund, memo));
    }

    private async Task<(BcSalesInvoice Invoice, BcNewSalesCreditMemo Plan)> PlanAsync(ShopifyRefund refund, EngineDb db, CancellationToken ct)
    {
        var invoice = await erp.PostedInvoiceByExternalNumberAsync(CreditMemoPlan.OrderExternalNumber(refund), ct)
            ?? throw new VendorCallException("erp", $"order {refund.OrderName} is not invoiced in the ERP yet; the credit memo for refund {refund.LegacyId} waits for its invoice", transient: true);
        var itemIds = await ErpItemReferences.ItemIdsAsync(db, refund.Lines.Select(l => l.Sku), ct);
        return (invoice, CreditMemoPlan.Decide(refund, invoice, itemIds, options.MerchantZone()));
    }

    /// <summary>
    /// Posts a draft memo. When the ERP's books are closed for its day, the draft is keyed again on the merchant's
    /// today (BC's API has no PATCH of a memo's posting date that the engine relies on: deleting the unposted draft
    /// leaves nothing behind) and posted there; today closed too: held (<see cref="ClosedBooks"/>).
    /// </summary>
    private async Task<BcCreditMemo> PostAsync(ShopifyRefund refund, BcCreditMemo draft, Func<Task<(BcSalesInvoice Invoice, BcNewSalesCreditMemo Plan)>> plan, CancellationToken ct)
    {
        try
        {
            await erp.PostSalesCreditMemoAsync(draft.Id, ct);
            return draft;
        }
        catch (VendorCallException e) when (ClosedBooks.Refused(e) && draft.PostingDate is { } own)
        {
            var what = $"the credit memo for refund {refund.LegacyId} of {refund.OrderName}";
            var today = ClosedBooks.Today(clock, options.MerchantZone());
            if (today <= own)
            {
                throw ClosedBooks.Hold(what, own, today);
            }
            var (_, memo) = await plan();
            await erp.DeleteSalesCreditMemoAsync(draft.Id, ct);
            var again = await erp.CreateSalesCreditMemoAsync(memo with { PostingDate = today }, ct);
            try
            {
                await erp.PostSalesCreditMemoAsync(again.Id, ct);
                return again;
            }
            catch (VendorCallException refused) when (ClosedBooks.Refused(refused))
            {
                throw ClosedBooks.Hold(what, own, today);
            }
        }
    }

    private static IdMapping Reference(ShopifyRefund refund, BcCreditMemo memo) =>
        new() { System = ErpItemReferences.System, Kind = CreditMemoKind, Key = refund.Id, TargetId = memo.Id.ToString("D"), Extra = memo.Number };
}
