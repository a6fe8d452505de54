using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Products;

/// <summary>
/// The catalogue life cycle of an ERP item on the storefront: a web item the storefront does not list
/// becomes a product (a draft until its content is complete, then active), exactly once; a product is
/// archived when the item is blocked, discontinued, taken off the web or an end-of-line item sells out, and
/// active again when the ERP says so; its low-stock, clearance, back-soon and pre-order flags and its
/// inventory policy follow the item.
/// </summary>
public sealed class ProductProcess(StorefrontCatalog catalog, ShopifyAdminClient shop, IDbContextFactory<EngineDb> dbs, EngineOptions options) : IProcess
{
    public const string ProcessName = "products";

    /// <summary>The id map of products the engine created: SKU → storefront product id (variant id in Extra).</summary>
    public const string System = "storefront";
    public const string Kind = "product";

    public string Name => ProcessName;

    public bool ReadsStorefrontVariants => true;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var state = JsonSerializer.Deserialize<ErpItemState>(item.Payload)!;
        var rules = options.Catalog;
        var available = StockPlan.AvailableToSell(state, options.SafetyStock);
        var variant = await catalog.VariantAsync(state, ct);
        return variant is null
            ? await CreateAsync(state, rules, available, ct)
            : await UpdateAsync(state, variant, rules, available, ct);
    }

    private async Task<ProcessOutcome> CreateAsync(ErpItemState state, CatalogRules rules, int available, CancellationToken ct)
    {
        if (!state.WebEnabled)
        {
            return ProcessOutcome.Nothing;
        }
        var location = await catalog.WebLocationIdAsync(ct);
        var wanted = ProductPlan.New(state, rules, location, available);
        if (wanted is null)
        {
            return ProcessOutcome.Nothing;
        }
        // Exactly once: the storefront is asked first (productSet creates product and SKU in one call, so
        // a product created before a crash is found by its SKU); the id map says whether the engine created
        // one before that has since lost its SKU, which must not come back as a second product.
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (await db.IdMappings.AsNoTracking().FirstOrDefaultAsync(m => m.System == System && m.Kind == Kind && m.Key == state.Sku, ct) is { } known)
            {
                throw new DataErrorException($"{state.Sku}: the engine created storefront product {known.TargetId} for this SKU, which no longer carries it; not creating a second one");
            }
        }
        var created = await shop.CreateProductAsync(wanted, ct);
        var reference = new IdMapping { System = System, Kind = Kind, Key = state.Sku, TargetId = created.ProductId, Extra = created.VariantId };
        if (wanted.Status == ProductPlan.Draft)
        {
            // Recorded with the data error: the next change of the item finds the draft by its SKU.
            throw new DataErrorException(ProductPlan.DraftMessage(state.Sku, ProductPlan.Content(state, rules)));
        }
        return ProcessOutcome.Changed(string.Create(CultureInfo.InvariantCulture, $"product {state.Sku} created {wanted.Status} at {wanted.Price:0.00}"), reference);
    }

    private async Task<ProcessOutcome> UpdateAsync(ErpItemState state, ShopifyVariant variant, CatalogRules rules, int available, CancellationToken ct)
    {
        var change = ProductPlan.Decide(state, variant, rules, available);
        if (change is not null)
        {
            if (change.Status is not null || change.Tags is not null || change.Vendor is not null)
            {
                await shop.UpdateProductAsync(variant.ProductId, change.Status, change.Tags, change.Vendor, ct);
            }
            if (change.InventoryPolicy is not null)
            {
                await shop.SetInventoryPolicyAsync(variant, change.InventoryPolicy, ct);
            }
        }
        if ((change?.Status ?? variant.ProductStatus) == ProductPlan.Draft)
        {
            throw new DataErrorException(ProductPlan.DraftMessage(state.Sku, ProductPlan.Content(state, rules)));
        }
        // The id map also learns of products listed before the engine ran (the first sync) or created as drafts.
        var reference = new IdMapping { System = System, Kind = Kind, Key = state.Sku, TargetId = variant.ProductId, Extra = variant.VariantId };
        return new ProcessOutcome(change is null ? string.Empty : $"product {state.Sku}: {change.Summary}", [reference]);
    }
}
