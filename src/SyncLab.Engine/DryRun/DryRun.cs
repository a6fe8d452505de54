using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.DryRun;

/// <summary>
/// One change a sync would make: on the storefront (prices, inventory, products: by SKU), in the ERP (orders: by
/// <see cref="Order"/>), or both (back-flow: by <see cref="Shipment"/> or <see cref="Refund"/> and its order).
/// </summary>
public sealed record DryRunChange(string Process, string? Sku, string From, string To)
{
    /// <summary>The web order's name (orders, shipments, refunds).</summary>
    public string? Order { get; init; }

    /// <summary>The warehouse shipment's id (shipments only).</summary>
    public string? Shipment { get; init; }

    /// <summary>The storefront refund's id (refunds only).</summary>
    public string? Refund { get; init; }

    /// <summary>The compare-at price the storefront would show with <see cref="To"/> (prices only; null: none).</summary>
    public string? CompareAt { get; init; }

    /// <summary>What decides the price (prices only): a price list and its start, or the item card.</summary>
    public DryRunSource? Source { get; init; }
}

/// <summary>An ERP item, a web order, a shipment or a refund a sync would leave alone, and why.</summary>
public sealed record DryRunSkip(string Process, string? Sku, string Reason)
{
    public string? Order { get; init; }

    public string? Shipment { get; init; }

    public string? Refund { get; init; }
}

public sealed record DryRunReport(int ItemsRead, IReadOnlyList<DryRunChange> Changes, IReadOnlyList<DryRunSkip> Skipped)
{
    /// <summary>Web orders read (orders only).</summary>
    public int OrdersRead { get; init; }

    /// <summary>Shipped warehouse shipments of web orders read (shipments only).</summary>
    public int ShipmentsRead { get; init; }

    /// <summary>Storefront refunds read (refunds only).</summary>
    public int RefundsRead { get; init; }

    /// <summary>The instant the prices are planned for (prices only): now on the business clock unless asked for a later one.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>This report and <paramref name="other"/> as one.</summary>
    public DryRunReport With(DryRunReport other) =>
        new DryRunReport(ItemsRead + other.ItemsRead, [.. Changes, .. other.Changes], [.. Skipped, .. other.Skipped])
        {
            OrdersRead = OrdersRead + other.OrdersRead,
            ShipmentsRead = ShipmentsRead + other.ShipmentsRead,
            RefundsRead = RefundsRead + other.RefundsRead,
            At = At ?? other.At,
        };
}

/// <summary>
/// What the prices, inventory and products processes would change on the storefront for the first ERP items (prices
/// at an instant, price lists included), which recent web orders the orders process would create in the ERP, and what
/// the back-flow would record for shipped warehouse shipments and storefront refunds, decided by the same plans
/// (<see cref="PricePlan"/>, <see cref="PriceListPlan"/>, <see cref="StockPlan"/>, <see cref="ProductPlan"/>;
/// <see cref="DryRunOrders"/>, <see cref="DryRunShipments"/>, <see cref="DryRunRefunds"/>) — reading only: no
/// storefront, ERP or warehouse write, no work item, no cursor moved.
/// </summary>
public sealed class DryRunPlanner(
    BusinessCentralClient erp,
    StorefrontCatalog catalog,
    ShopifyAdminClient shop,
    ShopifyFulfilmentClient backFlow,
    IDbContextFactory<EngineDb> dbs,
    EngineOptions options,
    TimeProvider clock,
    ShipStationClient? warehouse = null)
{
    /// <summary>The processes planned when none is asked for. Orders and back-flow are asked for by name: they read per order.</summary>
    public static readonly IReadOnlyList<string> Processes = [PriceProcess.ProcessName, InventoryProcess.ProcessName, ProductProcess.ProcessName];

    /// <summary>Every process a dry run can plan.</summary>
    public static readonly IReadOnlyList<string> Known =
        [.. Processes, Orders.OrderToErpProcess.ProcessName, Fulfilment.ShipmentToStoreProcess.ProcessName, Returns.RefundToErpProcess.ProcessName];

    /// <summary>Whether a warehouse is configured (the shipments dry run reads it).</summary>
    public bool HasWarehouse => warehouse is not null;

    /// <param name="at">The instant the prices are planned for: now on the business clock, or later (a price list ahead).</param>
    public async Task<DryRunReport> RunAsync(IReadOnlyCollection<string> processes, int limit, DateTimeOffset at, CancellationToken ct)
    {
        var report = await ItemsAsync(processes.Where(Processes.Contains).ToList(), limit, at, ct);
        var since = clock.GetUtcNow() - DryRunOrders.Window;
        if (processes.Contains(Orders.OrderToErpProcess.ProcessName))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            report = report.With(await DryRunOrders.PlanAsync(erp, shop, db, options.MerchantZone(), since, limit, ct));
        }
        if (processes.Contains(Fulfilment.ShipmentToStoreProcess.ProcessName))
        {
            var shipments = warehouse ?? throw new InvalidOperationException("no warehouse is configured: nothing ships back");
            report = report.With(await DryRunShipments.PlanAsync(shipments, backFlow, erp, since, limit, ct));
        }
        if (processes.Contains(Returns.RefundToErpProcess.ProcessName))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            report = report.With(await DryRunRefunds.PlanAsync(backFlow, erp, db, options.MerchantZone(), since, limit, ct));
        }
        return report;
    }

    private async Task<DryRunReport> ItemsAsync(IReadOnlyCollection<string> processes, int limit, DateTimeOffset at, CancellationToken ct)
    {
        if (processes.Count == 0)
        {
            return new DryRunReport(0, [], []);
        }
        var now = clock.GetUtcNow();
        var priceLines = processes.Contains(PriceProcess.ProcessName)
            ? DryRunPrices.LinesBySku(await erp.PriceListLinesModifiedSinceAsync(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), ct), await erp.PriceListsAsync(ct), options.MerchantZone())
            : [];
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
            state = state with { OffSeason = Seasons.SeasonWindow.IsOff(state, now, options.MerchantZone()) };
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
                    if (await DecideAsync(process, state, variant, lifecycle, priceLines.GetValueOrDefault(state.Sku) ?? [], at, ct) is { } change)
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
        return new DryRunReport(items.Count, changes, skipped) { At = processes.Contains(PriceProcess.ProcessName) ? at : null };
    }

    private async Task<DryRunChange?> DecideAsync(
        string process, ErpItemState state, ShopifyVariant variant, Lifecycle lifecycle, IReadOnlyList<EffectivePrice> lines, DateTimeOffset at, CancellationToken ct)
    {
        if (process == PriceProcess.ProcessName)
        {
            var price = DryRunPrices.At(state, variant, lifecycle, options.Catalog, lines, at);
            return price.Change is { } change
                ? new DryRunChange(process, state.Sku, Money(change.From), Money(change.To))
                {
                    CompareAt = change.CompareAt is { } compareAt ? Money(compareAt) : null,
                    Source = price.Source,
                }
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

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
