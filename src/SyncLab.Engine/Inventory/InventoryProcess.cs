using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Products;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Inventory;

/// <summary>ERP stock (source <see cref="StockSource.Erp"/>) → available-to-sell at the storefront's web location.</summary>
public sealed class InventoryProcess(StorefrontCatalog catalog, StorefrontStock stock, EngineOptions options, InventorySettings settings) : IProcess
{
    public const string ProcessName = "inventory";

    public string Name => ProcessName;

    public bool ReadsStorefrontVariants => true;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        // Available-to-sell from the warehouse and the stores replaces ERP stock (AtsProcess).
        if (settings.Current.Source != StockSource.Erp)
        {
            return ProcessOutcome.Nothing;
        }
        var state = JsonSerializer.Deserialize<ErpItemState>(item.Payload)!;
        ApiDrift.Ensure(state, ProcessName, ApiDrift.Inventory);
        // Withdrawn items are archived by the products process: no more replenishment is pushed for them.
        if (ProductPlan.Withdrawn(state, ProductPlan.LifecycleOf(state, options.Catalog)))
        {
            return ProcessOutcome.Nothing;
        }
        var variant = await catalog.VariantAsync(state, ct);
        if (variant is null)
        {
            return ProcessOutcome.Nothing;
        }
        var available = StockPlan.AvailableToSell(state, options.SafetyStock);
        var location = await catalog.WebLocationIdAsync(ct);
        // A set, not an adjustment: applying the same change twice leaves the same number. Handlers writing at once share a call.
        await stock.SetAvailableAsync(variant.InventoryItemId, location, available, ct);
        return ProcessOutcome.Changed(string.Create(CultureInfo.InvariantCulture, $"available {state.Sku} = {available}")) with
        {
            // Stores that sell web stock show the same number (PosWebStockProcess).
            FollowUps = settings.Current.StoresSellingWebStock.Count > 0 ? [PosWebStockProcess.FollowUp(state.Sku, item.Version, available)] : [],
        };
    }
}
