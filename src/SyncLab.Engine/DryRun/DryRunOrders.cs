using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.DryRun;

/// <summary>
/// The orders part of a dry run: which web orders of the last <see cref="Window"/> the orders process would create in
/// the ERP, and which it would leave (already there under their external document number, cancelled before they
/// reached it, or a data error the process would raise: no e-mail to match a customer by, sales tax that differs from
/// the ERP's, a line the ERP cannot book). Reads the storefront and asks the ERP per order, as the process does before
/// it creates; writes nothing.
/// </summary>
public static class DryRunOrders
{
    /// <summary>How far back a dry run looks for web orders, shipments and refunds (by last update).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static async Task<DryRunReport> PlanAsync(
        BusinessCentralClient erp, ShopifyAdminClient shop, EngineDb db, TimeZoneInfo merchantZone, DateTimeOffset since, int limit, CancellationToken ct)
    {
        const string process = OrderToErpProcess.ProcessName;
        var changes = new List<DryRunChange>();
        var skipped = new List<DryRunSkip>();
        IReadOnlyList<BcSalesTaxRate>? rates = null;
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
                continue;
            }
            if (order.CancelledAt is not null)
            {
                skipped.Add(new DryRunSkip(process, null, "cancelled before it reached the ERP: never created") { Order = order.Name });
                continue;
            }
            try
            {
                // The process's checks before it writes, in its order: e-mail, sales tax, the lines' items.
                if (string.IsNullOrWhiteSpace(order.Email))
                {
                    throw new DataErrorException($"order {order.Name} has no e-mail to match an ERP customer by");
                }
                SalesTaxCheck.Ensure(order, SalesOrderPlan.OrderDate(order, merchantZone), rates ??= await erp.SalesTaxRatesAsync(ct));
                var itemIds = await ErpItemReferences.ItemIdsAsync(db, order.Lines.Select(l => l.Sku), ct);
                SalesOrderPlan.Decide(order, Guid.Empty, itemIds, merchantZone);
            }
            catch (DataErrorException e)
            {
                skipped.Add(new DryRunSkip(process, null, $"data error: {e.Message}") { Order = order.Name });
                continue;
            }
            var customer = await erp.CustomerByEmailAsync(order.Email, ct) is { } known ? $"customer {known.Number}" : $"a new customer {order.Email}";
            var lines = string.Join(", ", order.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Quantity} x {l.Sku}")));
            changes.Add(new DryRunChange(process, null, "not in the ERP", $"sales order {external} for {customer}: {lines}") { Order = order.Name });
        }
        return new DryRunReport(0, changes, skipped) { OrdersRead = read };
    }
}
