using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// Reads the catalogue for one request. Every entry point loads whole products (variants, levels,
/// locations) in four queries, whatever the page size, so nothing below the root field touches the store.
/// </summary>
public sealed class CatalogReader(StorefrontDb db)
{
    private List<LocationRecord>? _locations;

    public async Task<Page<ProductNode>> ProductsAsync(SearchQuery query, PageRequest page, CancellationToken ct)
    {
        var filter = await CatalogSearch.ProductFilterAsync(db, query, ct);
        var rows = await Cursors.PageAsync(db.Products.AsNoTracking().Where(filter), p => p.Id, page, ct);
        var nodes = await HydrateAsync(rows.Items, ct);
        return rows.With(nodes, p => p.Row.Id);
    }

    public async Task<ProductNode?> ProductAsync(long id, CancellationToken ct)
    {
        var row = StoreLookup.Where(db, (ProductRecord p) => p.Id, [id])?.FirstOrDefault()
            ?? await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return row is null ? null : (await HydrateAsync([row], ct))[0];
    }

    public async Task<ProductNode?> ProductByHandleAsync(string handle, CancellationToken ct)
    {
        var row = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Handle == handle, ct);
        return row is null ? null : (await HydrateAsync([row], ct))[0];
    }

    public async Task<Page<VariantNode>> VariantsAsync(SearchQuery query, PageRequest page, CancellationToken ct)
    {
        var rows = CatalogSearch.SkuKeys(query) is { } skus && StoreLookup.Where(db, (VariantRecord v) => v.SkuKey!, skus) is { } found
            ? Cursors.Page(found, v => v.Id, page)
            : await Cursors.PageAsync(db.Variants.AsNoTracking().Where(CatalogSearch.VariantFilter(query)), v => v.Id, page, ct);
        var nodes = await VariantNodesAsync(rows.Items.Select(v => v.Id).ToList(), rows.Items.Select(v => v.ProductId).ToHashSet(), ct);
        return rows.With(nodes, v => v.Row.Id);
    }

    public async Task<VariantNode?> VariantAsync(long id, CancellationToken ct)
    {
        var row = StoreLookup.Where(db, (VariantRecord v) => v.Id, [id])?.FirstOrDefault()
            ?? await db.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        return row is null ? null : (await VariantNodesAsync([row.Id], [row.ProductId], ct))[0];
    }

    /// <summary>An inventory item is read through its variant.</summary>
    public async Task<VariantNode?> InventoryItemAsync(long inventoryItemId, CancellationToken ct)
    {
        var row = StoreLookup.Where(db, (VariantRecord v) => v.InventoryItemId, [inventoryItemId])?.FirstOrDefault()
            ?? await db.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.InventoryItemId == inventoryItemId, ct);
        return row is null ? null : (await VariantNodesAsync([row.Id], [row.ProductId], ct))[0];
    }

    public async Task<Page<LocationRecord>> LocationsAsync(PageRequest page, CancellationToken ct) =>
        await Cursors.PageAsync(db.Locations.AsNoTracking(), l => l.Id, page, ct);

    public async Task<LocationRecord?> LocationAsync(long id, CancellationToken ct) =>
        (await AllLocationsAsync(ct)).FirstOrDefault(l => l.Id == id);

    /// <summary>Variants (whole, with product and levels) by id, for what refers to them (order lines); unknown ids are left out.</summary>
    public async Task<Dictionary<long, VariantNode>> VariantsByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var productIds = (StoreLookup.Where(db, (VariantRecord v) => v.Id, ids)?.Select(v => v.ProductId).ToList()
            ?? await db.Variants.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => v.ProductId).ToListAsync(ct)).ToHashSet();
        var products = await ProductsByIdAsync(productIds, ct);
        return (await HydrateAsync(products, ct)).SelectMany(p => p.Variants).Where(v => ids.Contains(v.Row.Id)).ToDictionary(v => v.Row.Id);
    }

    private async Task<List<VariantNode>> VariantNodesAsync(IReadOnlyList<long> variantIds, IReadOnlyCollection<long> productIds, CancellationToken ct)
    {
        var products = await ProductsByIdAsync(productIds, ct);
        var byId = (await HydrateAsync(products, ct)).SelectMany(p => p.Variants).ToDictionary(v => v.Row.Id);
        return variantIds.Select(id => byId[id]).ToList();
    }

    private async Task<List<ProductNode>> HydrateAsync(IReadOnlyList<ProductRecord> products, CancellationToken ct)
    {
        if (products.Count == 0)
        {
            return [];
        }
        var productIds = products.Select(p => p.Id).ToHashSet();
        var variants = StoreLookup.Where(db, (VariantRecord v) => v.ProductId, productIds)
            ?? await db.Variants.AsNoTracking().Where(v => productIds.Contains(v.ProductId)).ToListAsync(ct);
        return await ComposeAsync(products, variants, null, ct);
    }

    /// <summary>
    /// Builds nodes from rows a caller already holds (a mutation composes its tracked, changed rows this way,
    /// so its payload and webhooks show the state it is about to save). Levels are loaded unless given.
    /// </summary>
    public async Task<List<ProductNode>> ComposeAsync(
        IReadOnlyList<ProductRecord> products,
        IReadOnlyList<VariantRecord> variants,
        IReadOnlyList<InventoryLevelRecord>? levels,
        CancellationToken ct)
    {
        var nodes = products.Select(p => new ProductNode(p)).ToList();
        var byProduct = nodes.ToDictionary(n => n.Row.Id);
        var byItem = new Dictionary<long, VariantNode>(variants.Count);
        foreach (var variant in variants.OrderBy(v => v.Position).ThenBy(v => v.Id))
        {
            if (byProduct.TryGetValue(variant.ProductId, out var product))
            {
                var node = new VariantNode(variant, product);
                product.Variants.Add(node);
                byItem[variant.InventoryItemId] = node;
            }
        }
        var itemIds = byItem.Keys.ToHashSet();
        levels ??= StoreLookup.Where(db, (InventoryLevelRecord l) => l.InventoryItemId, itemIds)
            ?? await db.InventoryLevels.AsNoTracking().Where(l => itemIds.Contains(l.InventoryItemId)).ToListAsync(ct);
        var locations = (await AllLocationsAsync(ct)).ToDictionary(l => l.Id);
        foreach (var level in levels.OrderBy(l => l.LocationId))
        {
            if (locations.TryGetValue(level.LocationId, out var location) && byItem.TryGetValue(level.InventoryItemId, out var item))
            {
                item.Levels.Add(new LevelNode(level, location, item));
            }
        }
        return nodes;
    }

    private async Task<List<ProductRecord>> ProductsByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        StoreLookup.Where(db, (ProductRecord p) => p.Id, ids)
        ?? await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);

    public async Task<List<LocationRecord>> AllLocationsAsync(CancellationToken ct) =>
        _locations ??= await db.Locations.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
}
