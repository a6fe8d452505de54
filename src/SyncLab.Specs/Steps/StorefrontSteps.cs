using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class StorefrontSteps(StorefrontDriver storefront, ScenarioItems items)
{
    [Then(@"^the storefront sells ""([^""]+)"" at (\d+(?:\.\d+)?)$")]
    public async Task ThenTheStorefrontSellsAt(string item, decimal price)
    {
        var variant = await VariantAsync(item);
        if (variant.Price != price)
        {
            throw new InvalidOperationException($"the storefront sells {variant.Sku} at {variant.Price}, expected {price}");
        }
    }

    [Then(@"^the storefront shows (\d+) of ""([^""]+)"" available$")]
    public async Task ThenTheStorefrontShowsAvailable(int quantity, string item)
    {
        var variant = await VariantAsync(item);
        if (variant.Available != quantity)
        {
            throw new InvalidOperationException($"the storefront shows {variant.Available} of {variant.Sku} available, expected {quantity}");
        }
    }

    private async Task<StorefrontVariantView> VariantAsync(string item) =>
        await storefront.VariantAsync(items.Sku(item)) ?? throw new InvalidOperationException($"the storefront has no variant with SKU {items.Sku(item)}");
}
