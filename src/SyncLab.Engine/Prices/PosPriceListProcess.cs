using System.Text.Json;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Products;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Prices;

/// <summary>The price in effect at a price list boundary, handed on by <see cref="EffectivePriceProcess"/> for the till.</summary>
public sealed record PosPriceInEffect(string Sku, decimal Price);

/// <summary>
/// The POS leg of effective-dated prices: at a price list boundary, the effective-prices process hands the price in
/// effect on (in the transaction that records the boundary applied) and this sets the Square variation's price.
/// Items the till does not sell or hides are left alone. Like the boundary itself, never given up on.
/// </summary>
public sealed class PosPriceListProcess(SquareClient? pos = null) : IProcess
{
    public const string ProcessName = "pos.effective-prices";

    public string Name => ProcessName;

    public int? MaxAttempts => int.MaxValue;

    /// <summary>The hand-off for one boundary, versioned like it.</summary>
    public static CapturedChange FollowUp(string sku, string version, decimal price) =>
        new(ProcessName, sku, version, JsonSerializer.Serialize(new PosPriceInEffect(sku, price)));

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        if (pos is null)
        {
            return ProcessOutcome.Nothing;
        }
        var price = JsonSerializer.Deserialize<PosPriceInEffect>(item.Payload)!;
        var write = PosCatalogPlan.PriceInEffect(await pos.CatalogItemBySkuAsync(price.Sku, ct), price.Price);
        if (write is null)
        {
            return ProcessOutcome.Nothing;
        }
        await pos.UpsertItemAsync(write, ct);
        return ProcessOutcome.Changed(PosCatalogPlan.Describe(write) + " (price list)");
    }
}
