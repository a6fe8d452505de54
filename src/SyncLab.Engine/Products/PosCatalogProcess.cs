using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Products;

/// <summary>
/// The POS leg of an ERP item (fed by every ERP item change, like prices and products): a new web item the till does
/// not sell becomes a Square item with one variation (SKU, price, the seller's currency), exactly once; the till price
/// follows the ERP price; a blocked or discontinued item is archived in Square (no longer offered at the till) and
/// unarchived, at today's price, when the ERP clears it (<see cref="PosCatalogPlan"/>). Idle without a POS configured.
/// </summary>
public sealed class PosCatalogProcess(IDbContextFactory<EngineDb> dbs, EngineOptions options, SquareClient? pos = null) : IProcess
{
    public const string ProcessName = "pos.catalog";

    /// <summary>The id map of Square items the engine created: SKU → item id (variation id in Extra).</summary>
    public const string System = "pos";
    public const string Kind = "catalog-item";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        if (pos is null)
        {
            return ProcessOutcome.Nothing;
        }
        var state = JsonSerializer.Deserialize<ErpItemState>(item.Payload)!;
        // The ERP answered without a price (API drift): the prices process reports it; the till keeps what it has.
        if (state.MissingFields.Contains(ApiDrift.UnitPrice))
        {
            return ProcessOutcome.Nothing;
        }
        // Exactly once: Square is asked by SKU first, so an item created before a crash (or a lost answer) is found.
        var current = await pos.CatalogItemBySkuAsync(state.Sku, ct);
        if (current is null)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (await db.IdMappings.AsNoTracking().FirstOrDefaultAsync(m => m.System == System && m.Kind == Kind && m.Key == state.Sku, ct) is { } known)
            {
                throw new DataErrorException($"{state.Sku}: the engine created POS item {known.TargetId} for this SKU, which Square no longer finds by it; not creating a second one");
            }
        }
        var currency = current?.Currency is { Length: > 0 } c ? c : await pos.CurrencyAsync(ct);
        var write = PosCatalogPlan.Decide(state, current, options.Catalog, currency);
        if (write is null)
        {
            return ProcessOutcome.Nothing;
        }
        var saved = await pos.UpsertItemAsync(write, ct);
        return write.Existing is null
            ? ProcessOutcome.Changed(PosCatalogPlan.Describe(write), new IdMapping { System = System, Kind = Kind, Key = state.Sku, TargetId = saved.ItemId, Extra = saved.VariationId })
            : ProcessOutcome.Changed(PosCatalogPlan.Describe(write));
    }
}
