using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Scheduling;
using SyncLab.Engine.Seasons;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Reconciliation;

/// <summary>
/// The scheduled full reconciliation (job <c>reconciliation</c>, e.g. nightly at 03:00 store time): reads every ERP item
/// with its commerce row and price list lines, and every storefront variant, compares them (<see cref="ReconciliationPlan"/>),
/// compares stock from the warehouse and the stores and the stores selling web stock (<see cref="StockReconciliation"/>),
/// and heals what drifted by queueing the normal work of the process that owns it — prices, effective prices, inventory,
/// products — handed on in the transaction that records the run, so the usual checks (stale versions, retries, data
/// errors) apply and nothing is written around the processes. What it cannot heal (a storefront SKU the ERP does not
/// know, data the mapping refuses) is reported. Each run's findings are kept (<c>GET /engine/reconciliation</c>).
/// </summary>
public sealed class ReconciliationJob(
    BusinessCentralClient erp,
    ShopifyAdminClient shop,
    StorefrontCatalog catalog,
    IDbContextFactory<EngineDb> dbs,
    EngineOptions options,
    Inventory.InventorySettings inventory,
    SchedulingTelemetry telemetry,
    StockReconciliation stock,
    Connectors.ShipStation.ShipStationClient? warehouse = null,
    Connectors.Square.SquareClient? pos = null) : IScheduledJob
{
    public const string JobName = "reconciliation";

    /// <summary>Findings kept per run; the counts cover all of them.</summary>
    private const int KeptFindings = 1000;

    public string Name => JobName;

    public async Task<ProcessOutcome> RunAsync(ScheduledRun run, CancellationToken ct)
    {
        var now = run.RanAt;
        var zone = options.MerchantZone();
        var web = new Dictionary<Guid, BcWebItem>();
        await foreach (var row in erp.WebItemsModifiedSinceAsync(DateTimeOffset.MinValue, ct))
        {
            web[row.Id] = row;
        }
        var items = new List<ErpItemState>();
        await foreach (var item in erp.ItemsModifiedSinceAsync(DateTimeOffset.MinValue, ct))
        {
            var state = ErpItemState.From(item, web.GetValueOrDefault(item.Id));
            items.Add(state with { OffSeason = SeasonWindow.IsOff(state, now, zone) });
        }
        var lines = await PriceLinesAsync(ct);
        var listed = await StorefrontListing.ReadAllAsync(shop, await catalog.WebLocationIdAsync(ct), ct);
        var itemFindings = ReconciliationPlan.Compare(items, lines, listed, now, options.Catalog, options.SafetyStock, stockFromErp: !inventory.FromWarehouseAndStores);
        var till = pos is null || options.PosBaseUrl is null ? [] : await pos.CatalogItemsAsync(ct);
        var tillFindings = ReconciliationPlan.ComparePos(items, lines, till, now, options.Catalog);
        var version = WorkQueue.Version(now) + "R";
        var stockFound = await stock.CompareAsync(listed, items, version, ct);
        var (keyed, shipped) = await OrdersRecordedAsync(ct);
        var (orders, openErpOrders) = await OrderReconciliation.ReadAsync(shop, erp, warehouse, keyed, shipped, now - OrderReconciliation.Window, ct);
        var orderFindings = OrderReconciliation.Compare(orders, openErpOrders);
        var findings = itemFindings.Concat(tillFindings).Concat(stockFound.Findings).Concat(orderFindings).ToList();

        var byKey = items.GroupBy(i => i.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var heads = orders.ToDictionary(o => Orders.SalesOrderPlan.ExternalNumber(o.Order), o => o.Order, StringComparer.Ordinal);
        var toHeal = orderFindings.Where(f => f.Heal is not null).Select(f => heads[f.Sku]).DistinctBy(o => o.Id).ToList();
        var full = await OrderReconciliation.FullOrdersAsync(shop, toHeal, ct);
        var healing = itemFindings.Where(f => f.Heal is not null)
            .Select(f => (f.Heal!, f.Sku, f.Heal == EffectivePriceProcess.ProcessName
                ? JsonSerializer.Serialize(new PriceBoundary(byKey[f.Sku].Number, f.PriceList!, now))
                : JsonSerializer.Serialize(byKey[f.Sku])))
            .Distinct()
            .Select(h => new CapturedChange(h.Item1, h.Sku, version, h.Item3))
            // An order is healed by the orders process with the order's state as just read, keyed like every order change.
            .Concat(orderFindings.Where(f => f.Heal is not null && full.ContainsKey(heads[f.Sku].Id)).Select(f => (f.Heal!, full[heads[f.Sku].Id])).Distinct()
                .Select(h => new CapturedChange(h.Item1, h.Item2.Id, version, JsonSerializer.Serialize(h.Item2))))
            // The till: its catalogue leg with the ERP state read, or the price list's price handed to it as at a boundary.
            .Concat(tillFindings.Where(f => f.Heal is not null).Select(f => f.Heal == PosPriceListProcess.ProcessName
                ? PosPriceListProcess.FollowUp(f.Sku, version, PriceListPlan.PriceAt(lines[f.Sku], byKey[f.Sku].UnitPrice, now).Price)
                : new CapturedChange(f.Heal!, f.Sku, version, JsonSerializer.Serialize(byKey[f.Sku]))))
            // Stock: the inventory process's work for the SKU (the same change as a stock finding above is queued once).
            .Concat(stockFound.Healing)
            .DistinctBy(c => (c.Process, c.Key, c.Version))
            .ToList();
        var healed = findings.Count(f => f.Heal is not null);
        await RecordAsync(run, items.Count, findings, healed, ct);
        foreach (var kind in findings.GroupBy(f => (f.Kind, Healed: f.Heal is not null)))
        {
            telemetry.Drift(kind.Key.Kind, kind.Key.Healed, kind.Count());
        }
        var summary = string.Create(CultureInfo.InvariantCulture, $"{items.Count} ERP items, {listed.Count} storefront variants, {till.Count} till items, {stockFound.LevelsChecked} stock levels, {orders.Count} web orders checked; {healed} drifted and queued for healing, {findings.Count - healed} reported");
        return new ProcessOutcome(summary, []) { FollowUps = healing };
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<EffectivePrice>>> PriceLinesAsync(CancellationToken ct)
    {
        var lines = await erp.PriceListLinesModifiedSinceAsync(DateTimeOffset.MinValue, ct);
        if (lines.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<EffectivePrice>>(StringComparer.Ordinal);
        }
        var fallback = EffectiveDates.Zone(options.MerchantTimeZone, "UTC");
        var zones = (await erp.PriceListsAsync(ct)).ToDictionary(l => l.Id, l => EffectiveDates.Zone(l.TimeZone, options.MerchantTimeZone));
        return lines.GroupBy(l => SkuRules.Canonical(l.ItemNumber), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EffectivePrice>)g.Select(l => EffectivePrice.From(l, zones.GetValueOrDefault(l.PriceListId) ?? fallback)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The web orders the engine recorded keying in the ERP, and those it recorded shipping through the warehouse.</summary>
    private async Task<(IReadOnlySet<string> Keyed, IReadOnlySet<string> Shipped)> OrdersRecordedAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var keyed = await db.IdMappings.AsNoTracking()
            .Where(m => m.System == ErpItemReferences.System && m.Kind == Orders.OrderToErpProcess.SalesOrderKind).Select(m => m.Key).ToListAsync(ct);
        var shipped = await db.IdMappings.AsNoTracking()
            .Where(m => m.System == Fulfilment.OrderToWmsProcess.System && m.Kind == Fulfilment.OrderToWmsProcess.ShipmentKind).Select(m => m.Key).ToListAsync(ct);
        return (keyed.ToHashSet(StringComparer.Ordinal), shipped.ToHashSet(StringComparer.Ordinal));
    }

    private async Task RecordAsync(ScheduledRun run, int checkedItems, IReadOnlyList<Finding> findings, int healed, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var record = await db.ReconciliationRuns.FirstOrDefaultAsync(r => r.OccurrenceTicks == run.Occurrence.UtcTicks, ct);
        if (record is null)
        {
            record = new ReconciliationRunRecord { OccurrenceTicks = run.Occurrence.UtcTicks };
            db.ReconciliationRuns.Add(record);
        }
        record.RanAtTicks = run.RanAt.UtcTicks;
        record.ItemsChecked = checkedItems;
        record.Healed = healed;
        record.Unhealed = findings.Count - healed;
        record.Findings = JsonSerializer.Serialize(findings.Take(KeptFindings));
        await db.SaveChangesAsync(ct);
    }
}
