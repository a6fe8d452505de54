using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Catalog;

/// <summary>SKU → ERP item id, kept by the item capture, read by every process that writes ERP documents.</summary>
public static class ErpItemReferences
{
    public const string System = "erp";
    public const string Kind = "item";

    public static async Task RefreshAsync(EngineDb db, IReadOnlyList<BcItem> items, CancellationToken ct)
    {
        var skus = items.Select(i => SkuRules.Canonical(i.Number)).Distinct().ToList();
        var known = await db.IdMappings.Where(m => m.System == System && m.Kind == Kind && skus.Contains(m.Key)).ToDictionaryAsync(m => m.Key, ct);
        foreach (var item in items)
        {
            var sku = SkuRules.Canonical(item.Number);
            var id = item.Id.ToString("D");
            if (known.TryGetValue(sku, out var mapping))
            {
                mapping.TargetId = id;
                mapping.Extra = item.Number;
            }
            else
            {
                known[sku] = db.IdMappings.Add(new IdMapping { System = System, Kind = Kind, Key = sku, TargetId = id, Extra = item.Number }).Entity;
            }
        }
    }

    /// <summary>ERP item id per canonical SKU, for the SKUs the engine knows (the rest are left out).</summary>
    public static async Task<Dictionary<string, Guid>> ItemIdsAsync(EngineDb db, IEnumerable<string?> skus, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var sku in skus.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => SkuRules.Canonical(s!)).Distinct())
        {
            if (await ItemIdAsync(db, sku, ct) is { } id)
            {
                ids[sku] = id;
            }
        }
        return ids;
    }

    public static async Task<Guid?> ItemIdAsync(EngineDb db, string sku, CancellationToken ct)
    {
        var mapping = await db.IdMappings.AsNoTracking().FirstOrDefaultAsync(m => m.System == System && m.Kind == Kind && m.Key == sku, ct);
        return mapping is null ? null : Guid.Parse(mapping.TargetId);
    }
}
