using System.Net;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>The stores' POS (Square): the catalogue the till sells from, its prices, what it no longer sells, web stock in the stores.</summary>
[Binding]
public sealed class PosSteps(PosDriver pos, StockDriver stock, PriceListDriver priceLists, ScenarioItems items)
{
    private const string Price = @"(\d+\.\d{2})";

    [Given(@"^""([^""]+)"" sells the web's stock$")]
    public Task GivenAStoreSellsWebStock(string store) => stock.SellWebStockAtAsync([store]);

    [Then(@"^the POS catalogue lists ""([^""]+)"" once, at " + Price + "$")]
    public async Task ThenTheCatalogueListsOnce(string item, decimal price)
    {
        var sku = items.Sku(item);
        var found = await pos.ItemsAsync(sku);
        Expect.That(found.Count == 1, $"the POS catalogue lists {sku} {found.Count} times, expected once");
        Expect.That(PosDriver.Price(found[0]) == price, $"the POS catalogue lists {sku} at {PosDriver.Money(PosDriver.Price(found[0]))}, expected {PosDriver.Money(price)}");
    }

    [Then(@"^the POS catalogue does not list ""([^""]+)""$")]
    public async Task ThenTheCatalogueDoesNotList(string item)
    {
        var found = await pos.ItemsAsync(items.Sku(item));
        Expect.That(found.Count == 0, $"the POS catalogue lists {items.Sku(item)}, expected it not to");
    }

    [Then(@"^the till sells ""([^""]+)"" at " + Price + "$")]
    public Task ThenTheTillSellsAt(string item, decimal price) => ExpectTillPriceAsync(item, price);

    [Then(@"^the till sells ""([^""]+)"" at its ERP unit price$")]
    public async Task ThenTheTillSellsAtTheCardPrice(string item) =>
        await ExpectTillPriceAsync(item, await priceLists.ItemCardPriceAsync(items.Number(item)));

    [Then(@"^the till no longer sells ""([^""]+)""$")]
    public async Task ThenTheTillNoLongerSells(string item)
    {
        var sku = items.Sku(item);
        var found = await pos.ItemsAsync(sku);
        Expect.That(found.Count == 1 && PosDriver.Archived(found[0]), $"the POS catalogue has {sku} {(found.Count == 0 ? "not at all" : "not archived")}, expected it archived");
        Expect.That(!await pos.TillOffersAsync(sku), $"the till still offers {sku}");
        var sale = await pos.TryTillSaleAsync(sku);
        Expect.That(sale == HttpStatusCode.Conflict, $"the till answered {(int)sale} to a sale of {sku}, expected it to refuse (409)");
    }

    [Then(@"^""([^""]+)"" shows (\d+) of ""([^""]+)"" in stock$")]
    public async Task ThenTheStoreShows(string store, int quantity, string item)
    {
        var count = await stock.StoreInStockAsync(store, items.Sku(item));
        Expect.That(count == quantity, $"{store} shows {count} of {items.Sku(item)} in stock, expected {quantity}");
    }

    private async Task ExpectTillPriceAsync(string item, decimal price)
    {
        var sku = items.Sku(item);
        var found = await pos.ItemsAsync(sku);
        Expect.That(found.Count == 1, $"the POS catalogue lists {sku} {found.Count} times, expected once");
        Expect.That(!PosDriver.Archived(found[0]) && await pos.TillOffersAsync(sku), $"the till does not offer {sku} (archived in the POS catalogue)");
        Expect.That(PosDriver.Price(found[0]) == price, $"the till sells {sku} at {PosDriver.Money(PosDriver.Price(found[0]))}, expected {PosDriver.Money(price)}");
    }
}
