using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Prices;

/// <summary>
/// At a price list boundary (due on the business clock), asks the ERP for the item's card and price list lines
/// as they are now, and sets the storefront price and compare-at price in effect. Reading at the boundary
/// means a list the office withdrew or corrected since it was captured is honoured; an ERP that does not
/// answer at midnight is asked again (backoff, never sooner than its Retry-After) until it does — the change
/// is never dead-lettered, so it is applied as soon as the ERP answers and never skipped.
/// </summary>
public sealed class EffectivePriceProcess(
    BusinessCentralClient erp, StorefrontCatalog catalog, ShopifyAdminClient shop, TimeProvider clock, EngineOptions options) : IProcess
{
    public const string ProcessName = "effective-prices";

    public string Name => ProcessName;

    public bool ReadsStorefrontVariants => true;

    public int? MaxAttempts => int.MaxValue;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var boundary = JsonSerializer.Deserialize<PriceBoundary>(item.Payload)!;
        var card = await erp.ItemByNumberAsync(boundary.Number, ct);
        if (card is null)
        {
            return ProcessOutcome.Nothing;
        }
        var lines = await erp.PriceListLinesOfItemAsync(card.Number, ct);
        var zones = (await erp.PriceListsAsync(ct)).ToDictionary(l => l.Id, l => EffectiveDates.Zone(l.TimeZone, options.MerchantTimeZone));
        var fallback = EffectiveDates.Zone(options.MerchantTimeZone, "UTC");
        var state = ErpItemState.From(card);
        ApiDrift.Ensure(state, "prices", ApiDrift.UnitPrice);
        var price = PriceListPlan.PriceAt(lines.Select(l => EffectivePrice.From(l, zones.GetValueOrDefault(l.PriceListId) ?? fallback)), state.UnitPrice, clock.GetUtcNow());
        if (price.Price < 0)
        {
            throw new DataErrorException($"{state.Sku}: the {price.Source} price {price.Price} is negative");
        }
        // The till follows the same price list (PosPriceListProcess), handed on once this boundary is applied.
        CapturedChange[] tillPrice = [PosPriceListProcess.FollowUp(state.Sku, item.Version, price.Price)];
        var variant = await catalog.VariantAsync(state, ct);
        if (variant is null || (variant.Price == price.Price && variant.CompareAtPrice == price.CompareAtPrice))
        {
            return ProcessOutcome.Nothing with { FollowUps = tillPrice };
        }
        await shop.SetPriceAsync(variant, price.Price, price.CompareAtPrice, ct);
        return ProcessOutcome.Changed(string.Create(
            CultureInfo.InvariantCulture,
            $"price {state.Sku} {variant.Price:0.00} -> {price.Price:0.00}{(price.CompareAtPrice is { } c ? $" (compare at {c:0.00})" : string.Empty)} from the {price.Source} at {boundary.At:O}")) with { FollowUps = tillPrice };
    }
}
