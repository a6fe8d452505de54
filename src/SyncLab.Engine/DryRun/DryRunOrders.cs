using System.Globalization;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;

namespace SyncLab.Engine.DryRun;

/// <summary>
/// The orders part of a dry run: which web orders of the last <see cref="Window"/> the orders process would create in
/// the ERP, and which it would leave (already there under their external document number, or cancelled before they
/// reached it). Reads the storefront and asks the ERP per order, as the process does before it creates; writes nothing.
/// </summary>
public static class DryRunOrders
{
    /// <summary>How far back a dry run looks for web orders (by last update).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static async Task<DryRunReport> PlanAsync(BusinessCentralClient erp, ShopifyAdminClient shop, DateTimeOffset since, int limit, CancellationToken ct)
    {
        const string process = OrderToErpProcess.ProcessName;
        var changes = new List<DryRunChange>();
        var skipped = new List<DryRunSkip>();
        var read = 0;
        await foreach (var order in shop.OrdersUpdatedSinceAsync(since, ct))
        {
            if (++read > limit)
            {
                read = limit;
                break;
            }
            var external = SalesOrderPlan.ExternalNumber(order);
            if (await erp.SalesDocumentByExternalNumberAsync(external, ct) is { } existing)
            {
                skipped.Add(new DryRunSkip(process, null, $"already in the ERP as {existing.Number} ({external})") { Order = order.Name });
            }
            else if (order.CancelledAt is not null)
            {
                skipped.Add(new DryRunSkip(process, null, "cancelled before it reached the ERP: never created") { Order = order.Name });
            }
            else if (order.Lines.Any(l => string.IsNullOrWhiteSpace(l.Sku)))
            {
                skipped.Add(new DryRunSkip(process, null, "data error: a line has no SKU") { Order = order.Name });
            }
            else
            {
                var lines = string.Join(", ", order.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Quantity} x {l.Sku}")));
                changes.Add(new DryRunChange(process, null, "not in the ERP", $"sales order {external} for {order.Email ?? "a guest"}: {lines}") { Order = order.Name });
            }
        }
        return new DryRunReport(0, changes, skipped) { OrdersRead = read };
    }
}
