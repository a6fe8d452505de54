using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Products;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Prices;

/// <summary>ERP unit price → storefront variant price (end-of-line items: the clearance price, the ERP price as compare-at).</summary>
public sealed class PriceProcess(StorefrontCatalog catalog, ShopifyAdminClient shop, EngineOptions options) : IProcess
{
    public const string ProcessName = "prices";

    public string Name => ProcessName;

    public bool ReadsStorefrontVariants => true;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var state = JsonSerializer.Deserialize<ErpItemState>(item.Payload)!;
        var lifecycle = ProductPlan.LifecycleOf(state, options.Catalog);
        // Withdrawn items are archived by the products process; nothing more is pushed for them.
        if (ProductPlan.Withdrawn(state, lifecycle))
        {
            return ProcessOutcome.Nothing;
        }
        var variant = await catalog.VariantAsync(state, ct);
        if (variant is null)
        {
            return ProcessOutcome.Nothing;
        }
        var change = PricePlan.Decide(state, variant, lifecycle, options.Catalog);
        if (change is null)
        {
            return ProcessOutcome.Nothing;
        }
        await shop.SetPriceAsync(variant, change.To, change.CompareAt, ct);
        return ProcessOutcome.Changed(string.Create(CultureInfo.InvariantCulture, $"price {change.Sku} {change.From:0.00} -> {change.To:0.00}{(change.CompareAt is { } c && c != variant.CompareAtPrice ? $" (compare-at {c:0.00})" : string.Empty)}"));
    }
}
