using System.Globalization;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class PriceListSteps(PriceListDriver priceLists, StorefrontDriver storefront, ScenarioItems items)
{
    private const string Zone = @"([A-Za-z_]+(?:/[A-Za-z_]+)*)";
    private const string Day = @"(\d{4}-\d{2}-\d{2})";
    private const string Price = @"(\d+(?:\.\d+)?)";

    [Given(@"^the ERP price list (\S+) takes effect on " + Day + " in " + Zone + @", pricing ""([^""]+)"" at " + Price + "$")]
    public Task GivenAPriceListTakesEffect(string code, string starting, string zone, string item, decimal price) =>
        priceLists.PublishAsync(code, BusinessTime.Day(starting), null, zone, items.Number(item), price, null);

    [Given(@"^the ERP price list (\S+) runs from " + Day + " to " + Day + " in " + Zone + @", pricing ""([^""]+)"" at " + Price + " instead of " + Price + "$")]
    public Task GivenASaleRuns(string code, string starting, string ending, string zone, string item, decimal price, decimal compareAt) =>
        priceLists.PublishAsync(code, BusinessTime.Day(starting), BusinessTime.Day(ending), zone, items.Number(item), price, compareAt);

    [Given(@"^the ERP is down for maintenance from (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) to (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) in " + Zone + "$")]
    public Task GivenTheErpIsDown(string from, string until, string zone) =>
        priceLists.MaintenanceAsync(BusinessTime.At(from, zone), BusinessTime.At(until, zone));

    [Then(@"^the storefront sells ""([^""]+)"" at its ERP unit price, with no compare-at price$")]
    public async Task ThenTheStorefrontSellsAtTheItemCardPrice(string item)
    {
        await ExpectAsync(item, await priceLists.ItemCardPriceAsync(items.Number(item)), null);
    }

    [Then(@"^the storefront sells ""([^""]+)"" at " + Price + ", compared at " + Price + "$")]
    public Task ThenTheStorefrontSellsOnSale(string item, decimal price, decimal compareAt) => ExpectAsync(item, price, compareAt);

    private async Task ExpectAsync(string item, decimal price, decimal? compareAt)
    {
        var variant = await storefront.VariantAsync(items.Sku(item)) ?? throw new InvalidOperationException($"the storefront has no variant with SKU {items.Sku(item)}");
        if (variant.Price != price || variant.CompareAtPrice != compareAt)
        {
            throw new InvalidOperationException(
                $"the storefront sells {variant.Sku} at {variant.Price} (compare-at {variant.CompareAtPrice?.ToString(CultureInfo.InvariantCulture) ?? "none"}), expected {price} (compare-at {compareAt?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
        }
    }
}
