using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Returns;

/// <summary>
/// A storefront refund of goods that shipped and came back → one posted ERP sales credit memo against the
/// order's invoice, exactly once in effect: the engine's cross-reference first, then the ERP asked for the
/// refund's external document number (a draft found there is posted, not created again). A refund of an order
/// the ERP has not invoiced yet waits (retried) for the shipment to be invoiced.
/// </summary>
public sealed class RefundToErpProcess(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, EngineOptions options) : IProcess
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
                await erp.PostSalesCreditMemoAsync(existing.Id, ct);
            }
            return ProcessOutcome.Changed($"refund {refund.LegacyId} of {refund.OrderName} already in the ERP as credit memo {existing.Number}", Reference(refund, existing));
        }
        var invoice = await erp.PostedInvoiceByExternalNumberAsync(CreditMemoPlan.OrderExternalNumber(refund), ct)
            ?? throw new VendorCallException("erp", $"order {refund.OrderName} is not invoiced in the ERP yet; the credit memo for refund {refund.LegacyId} waits for its invoice", transient: true);
        var itemIds = await ErpItemReferences.ItemIdsAsync(db, refund.Lines.Select(l => l.Sku), ct);
        var plan = CreditMemoPlan.Decide(refund, invoice, itemIds, options.MerchantZone());
        var memo = await erp.CreateSalesCreditMemoAsync(plan, ct);
        await erp.PostSalesCreditMemoAsync(memo.Id, ct);
        return ProcessOutcome.Changed(
            $"refund {refund.LegacyId} of {refund.OrderName} -> ERP credit memo {memo.Number} against invoice {invoice.Number} ({string.Join(", ", plan.Lines.Select(l => $"{l.Quantity:0} x {l.UnitPrice:0.00}"))})",
            Reference(refund, memo));
    }

    private static IdMapping Reference(ShopifyRefund refund, BcCreditMemo memo) =>
        new() { System = ErpItemReferences.System, Kind = CreditMemoKind, Key = refund.Id, TargetId = memo.Id.ToString("D"), Extra = memo.Number };
}
