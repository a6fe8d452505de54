using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Returns;

/// <summary>
/// Goods a shopper returned (a storefront refund with restock type RETURN) → back on hand in the warehouse, exactly once
/// in effect. ShipStation v2's <c>increment</c> is not idempotent and no inventory transaction can be looked up by the
/// engine's reference, so the receipt is made idempotent by construction: the goods go to an inventory location of
/// their own, named after the refund (<c>RETURN SHOPIFY-R-…</c>, found again by name, created only when missing), and
/// each SKU's on hand there is <em>set</em> (<c>adjust</c>) to the returned quantity. Sending that again — a retry after
/// a timeout, a crash after some SKUs, a redelivered refund — sets the same number: nothing is counted twice. The
/// location's stock counts in its warehouse like any other, so available-to-sell sees it at the next level poll.
/// </summary>
public sealed class WmsReturnReceiptProcess(ShipStationClient wms, IDbContextFactory<EngineDb> dbs) : IProcess
{
    public const string ProcessName = "returns.warehouse";
    public const string System = "warehouse";
    public const string ReceiptKind = "returnReceipt";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var refund = JsonSerializer.Deserialize<ShopifyRefund>(item.Payload)!;
        var units = ReturnReceiptPlan.Decide(refund);
        if (units.Count == 0)
        {
            return ProcessOutcome.Nothing;
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            // Received and recorded: never set again, the warehouse may have put the goods away or sold them since.
            if (await db.IdMappings.AsNoTracking().AnyAsync(m => m.System == System && m.Kind == ReceiptKind && m.Key == refund.Id, ct))
            {
                return ProcessOutcome.Nothing;
            }
        }
        var name = ReturnReceiptPlan.LocationName(refund);
        var warehouse = await wms.ReturnsInventoryWarehouseIdAsync(ct);
        var location = (await wms.InventoryLocationsAsync(ct)).FirstOrDefault(l => l.Name == name && l.InventoryWarehouseId == warehouse)
            ?? await wms.CreateInventoryLocationAsync(name, warehouse, ct);
        foreach (var (sku, quantity) in units.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            await wms.SetOnHandAsync(location.InventoryLocationId, sku, quantity, "return", $"{CreditMemoPlan.ExternalNumber(refund)} of order {refund.OrderName}", ct);
        }
        return ProcessOutcome.Changed(
            $"refund {refund.LegacyId} of {refund.OrderName} -> received in the warehouse at {location.Name} ({string.Join(", ", units.Select(u => $"{u.Value} x {u.Key}"))})",
            new IdMapping { System = System, Kind = ReceiptKind, Key = refund.Id, TargetId = location.InventoryLocationId, Extra = location.Name });
    }
}
