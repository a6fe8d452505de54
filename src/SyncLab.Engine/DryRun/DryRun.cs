using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.DryRun;

/// <summary>One change a sync would make: on the storefront (prices, inventory, products: by SKU) or in the ERP (orders: by <see cref="Order"/>).</summary>
public sealed record DryRunChange(string Process, string? Sku, string From, string To)
{
    /// <summary>The web order's name (orders only).</summary>
    public string? Order { get; init; }
}

/// <summary>An ERP item (or a web order) a sync would leave alone, and why.</summary>
public sealed record DryRunSkip(string Process, string? Sku, string Reason)
{
    public string? Order { get; init; }
}

public sealed record DryRunReport(int ItemsRead, IReadOnlyList<DryRunChange> Changes, IReadOnlyList<DryRunSkip> Skipped)
{
    /// <summary>Web orders read (orders only).</summary>
    public int OrdersRead { get; init; }
}

/// <summary>
/// What the prices, inventory and products processes would change on the storefront for the first ERP items, and
/// which recent web orders the orders process would create in the ERP, decided by the same plans
/// (<see cref="PricePlan"/>, <see cref="StockPlan"/>, <see cref="ProductPlan"/>; <see cref="DryRunOrders"/>) — reading
/// only: no storefront or ERP write, no work item, no cursor moved.
/// </summary>
public sealed class DryRunPlanner(BusinessCentralClient erp, StorefrontCatalog catalog, ShopifyAdminClient shop, EngineOptions options, TimeProvider clock)
{
    /// <summary>The processes planned when none is asked for. Orders are asked for by name: they read the ERP once per order.</summary>
    public static readonly IReadOnlyList<string> Processes = [PriceProcess.ProcessName, InventoryProcess.ProcessName, ProductProcess.ProcessName];

    /// <summary>Every process a dry run can plan.</summary>
    public static readonly IReadOnlyList<string> Known = [.. Processes, Orders.OrderToErpProcess.ProcessName];

    public async Task<DryRunReport> RunAsync(IReadOnlyCollection<string> processes, int limit, CancellationToken ct)
    {
        var report = await ItemsAsync(processes.Where(p => p != Orders.OrderToErpProcess.ProcessName).ToList(), limit, ct);
        if (!processes.Contains(Orders.OrderToErpProcess.ProcessName))
        {
            return report;
        }
        var orders = await DryRunOrders.PlanAsync(erp, shop, clock.GetUtcNow() - DryRunOrders.Window, limit, ct);
        return new DryRunReport(report.ItemsRead, [.. report.Changes, .. orders.Changes], [.. report.Skipped, .. orders.Skipped]) { OrdersRead = orders.OrdersRead };
    }

    private async Task<DryRunReport> ItemsAsync(IReadOnlyCollection<string> processes, int limit, CancellationToken ct)
    {
        if (processes.Count == 0)
        {
            return new DryRunReport(0, [], []);
        }
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
            state = state with { OffSeason = Seasons.SeasonWindow.IsOff(state, clock.GetUtcNow(), options.MerchantZone()) };
            var lifecycle = ProductPlan.LifecycleOf(state, options.Catalog);
            var variant = await catalog.VariantAsync(state, ct);
            var others = processes.Where(p => p != ProductProcess.ProcessName).ToList();
            if (processes.Contains(ProductProcess.ProcessName))
            {
                try
                {
                    var (change, skip) = await ProductAsync(state, variant, lifecycle, ct);
                    changes.AddRange(change is null ? [] : [change]);
                    skipped.AddRange(skip is null ? [] : [skip]);
                }
                catch (DataErrorException e)
                {
                    skipped.Add(new DryRunSkip(ProductProcess.ProcessName, state.Sku, $"data error: {e.Message}"));
                }
            }
            if (ProductPlan.Withdrawn(state, lifecycle))
            {
                skipped.AddRange(others.Select(p => new DryRunSkip(p, state.Sku, "withdrawn: archived by the products process")));
                continue;
            }
            if (variant is null)
            {
                skipped.AddRange(others.Select(p => new DryRunSkip(p, state.Sku, "unknown on the storefront: no variant with this SKU")));
                continue;
            }
            foreach (var process in others)
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

    /// <summary>What the products process would do for one item: create it (with the status it would get), change it, or nothing.</summary>
    private async Task<(DryRunChange? Change, DryRunSkip? Skip)> ProductAsync(ErpItemState state, ShopifyVariant? variant, Lifecycle lifecycle, CancellationToken ct)
    {
        const string process = ProductProcess.ProcessName;
        var available = StockPlan.AvailableToSell(state, options.SafetyStock);
        if (variant is not null)
        {
            return ProductPlan.Decide(state, variant, options.Catalog, available) is { } change
                ? (new DryRunChange(process, state.Sku, $"{variant.ProductStatus} [{string.Join(", ", variant.Tags)}]", change.Summary), null)
                : (null, null);
        }
        if (!state.WebEnabled)
        {
            return (null, null);
        }
        if (ProductPlan.New(state, options.Catalog, await catalog.WebLocationIdAsync(ct), available) is not { } product)
        {
            var why = ProductPlan.Withdrawn(state, lifecycle) ? "withdrawn" : state.OffSeason ? "out of season" : "sold off";
            return (null, new DryRunSkip(process, state.Sku, $"not created: {why}"));
        }
        return (new DryRunChange(process, state.Sku, "not listed", $"created {product.Status} [{string.Join(", ", product.Tags)}] at {Money(product.Price)}"), null);
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
