using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.DryRun;

/// <summary>One change a sync would make on the storefront.</summary>
public sealed record DryRunChange(string Process, string Sku, string From, string To);

/// <summary>An ERP item a sync would leave alone, and why.</summary>
public sealed record DryRunSkip(string Process, string Sku, string Reason);

public sealed record DryRunReport(int ItemsRead, IReadOnlyList<DryRunChange> Changes, IReadOnlyList<DryRunSkip> Skipped);

/// <summary>
/// What the prices and inventory processes would change on the storefront for the first ERP items, decided by
/// the same plans (<see cref="PricePlan"/>, <see cref="StockPlan"/>) — reading only: no storefront write, no
/// work item, no cursor moved.
/// </summary>
public sealed class DryRunPlanner(BusinessCentralClient erp, StorefrontCatalog catalog, ShopifyAdminClient shop, EngineOptions options)
{
    public static readonly IReadOnlyList<string> Processes = [PriceProcess.ProcessName, InventoryProcess.ProcessName];

    public async Task<DryRunReport> RunAsync(IReadOnlyCollection<string> processes, int limit, CancellationToken ct)
    {
        var items = new List<BcItem>(limit);
        await foreach (var item in erp.ItemsModifiedSinceAsync(DateTimeOffset.MinValue, ct))
        {
            items.Add(item);
            if (items.Count == limit)
            {
                break;
            }
        }
        var web = new Dictionary<Guid, BcWebItem>();
        await foreach (var row in erp.WebItemsModifiedSinceAsync(DateTimeOffset.MinValue, ct))
        {
            web[row.Id] = row;
        }
        var changes = new List<DryRunChange>();
        var skipped = new List<DryRunSkip>();
        foreach (var item in items)
        {
            var state = ErpItemState.From(item, web.GetValueOrDefault(item.Id));
            var lifecycle = ProductPlan.LifecycleOf(state, options.Catalog);
            if (ProductPlan.Withdrawn(state, lifecycle))
            {
                skipped.AddRange(processes.Select(p => new DryRunSkip(p, state.Sku, "withdrawn: archived by the products process")));
                continue;
            }
            var variant = await catalog.VariantAsync(state, ct);
            if (variant is null)
            {
                skipped.AddRange(processes.Select(p => new DryRunSkip(p, state.Sku, "unknown on the storefront: no variant with this SKU")));
                continue;
            }
            foreach (var process in processes)
            {
                try
                {
                    if (await DecideAsync(process, state, variant, lifecycle, ct) is { } change)
                    {
                        changes.Add(change);
                    }
                }
                catch (DataErrorException e)
                {
                    skipped.Add(new DryRunSkip(process, state.Sku, $"data error: {e.Message}"));
                }
            }
        }
        return new DryRunReport(items.Count, changes, skipped);
    }

    private async Task<DryRunChange?> DecideAsync(string process, ErpItemState state, ShopifyVariant variant, Lifecycle lifecycle, CancellationToken ct)
    {
        if (process == PriceProcess.ProcessName)
        {
            return PricePlan.Decide(state, variant, lifecycle, options.Catalog) is { } price
                ? new DryRunChange(process, state.Sku, Money(price.From), Money(price.To))
                : null;
        }
        var available = StockPlan.AvailableToSell(state, options.SafetyStock);
        var current = await shop.AvailableAsync(variant.InventoryItemId, await catalog.WebLocationIdAsync(ct), ct);
        return current == available
            ? null
            : new DryRunChange(process, state.Sku, current?.ToString(CultureInfo.InvariantCulture) ?? "not stocked", available.ToString(CultureInfo.InvariantCulture));
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
