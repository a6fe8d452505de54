using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>What a shopper sees on the storefront, checked in a real browser.</summary>
[Binding]
public sealed class ShopperSteps(ShopperDriver shopper, StorefrontDriver storefront, ScenarioItems items)
{
    [Then(@"^a shopper looking at ""([^""]+)"" sees ""([^""]+)""$")]
    public async Task ThenTheShopperSees(string item, string message)
    {
        var page = await PageAsync(item);
        Expect.That(page.StockMessage == message, $"a shopper looking at {items.Sku(item)} sees \"{page.StockMessage}\", expected \"{message}\"");
    }

    [Then(@"^a shopper looking at ""([^""]+)"" sees the price (\$\d+\.\d{2}) with (\$\d+\.\d{2}) struck through$")]
    public async Task ThenTheShopperSeesAMarkdown(string item, string price, string compareAt)
    {
        var page = await PageAsync(item);
        Expect.That(page.Price == price && page.CompareAtPrice == compareAt, $"a shopper looking at {items.Sku(item)} sees {page.Price} with {page.CompareAtPrice ?? "nothing"} struck through, expected {price} with {compareAt}");
    }

    [Then(@"^a shopper looking at ""([^""]+)"" sees the price (\$\d+\.\d{2}), nothing struck through$")]
    public async Task ThenTheShopperSeesAPlainPrice(string item, string price)
    {
        var page = await PageAsync(item);
        Expect.That(page.Price == price && page.CompareAtPrice is null, $"a shopper looking at {items.Sku(item)} sees {page.Price} with {page.CompareAtPrice ?? "nothing"} struck through, expected {price} with nothing struck through");
    }

    [Then(@"^a shopper (can|cannot) add ""([^""]+)"" to the cart$")]
    public async Task ThenTheShopperCanAddToCart(string can, string item)
    {
        var page = await PageAsync(item);
        Expect.That(page.CanAddToCart == (can == "can"), $"a shopper looking at {items.Sku(item)} {(page.CanAddToCart ? "can" : "cannot")} add it to the cart, expected {can}");
    }

    [Then(@"^a shopper cannot find ""([^""]+)"" on the storefront$")]
    public async Task ThenTheShopperCannotFind(string item)
    {
        var page = await PageAsync(item);
        Expect.That(!page.Found, $"a shopper finds {items.Sku(item)} on the storefront, expected it hidden");
    }

    private async Task<ShopperProductPage> PageAsync(string item)
    {
        var products = await storefront.ProductsAsync(items.Sku(item));
        if (products.Count != 1)
        {
            throw new InvalidOperationException($"the storefront lists {products.Count} products with SKU {items.Sku(item)}, expected one to look at");
        }
        return await shopper.ProductPageAsync(products[0].Handle);
    }
}
