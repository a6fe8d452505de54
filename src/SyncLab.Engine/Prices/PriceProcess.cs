using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Prices;

/// <summary>ERP unit price → storefront variant price.</summary>
public sealed class PriceProcess(StorefrontCatalog catalog, ShopifyAdminClient shop) : IProcess
{
    public const string ProcessName = "prices";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var state = JsonSerializer.Deserialize<ErpItemState>(item.Payload)!;
        var variant = await catalog.VariantAsync(state, ct);
        if (variant is null)
        {
            return ProcessOutcome.Nothing;
        }
        var change = PricePlan.Decide(state, variant);
        if (change is null)
        {
            return ProcessOutcome.Nothing;
        }
        await shop.SetPriceAsync(variant, change.To, variant.CompareAtPrice, ct);
        return ProcessOutcome.Changed(string.Create(CultureInfo.InvariantCulture, $"price {change.Sku} {change.From:0.00} -> {change.To:0.00}"));
    }
}
