using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class ErpSteps(ErpDriver erp, ScenarioItems items)
{
    [Given(@"^a web item known as ""([^""]+)""$")]
    public Task GivenAWebItem(string alias) => items.TakeWebItemAsync(alias);

    [Given(@"^a web item known as ""([^""]+)"" with (-?\d+) in stock in the ERP$")]
    public async Task GivenAWebItemWithStock(string alias, int stock)
    {
        var item = await items.TakeWebItemAsync(alias);
        var current = (int)await erp.InventoryAsync(item.Number);
        if (current != stock)
        {
            await erp.AdjustStockAsync(item.Number, stock - current, "scenario set-up");
        }
    }

    [Given(@"^the ERP has a new web item ""([^""]+)"" that the storefront does not list$")]
    public Task GivenANewWebItem(string number) => erp.CreateItemAsync(items.NewItemNumber(number), "New web item not yet on the storefront", 10.00m, webEnabled: true);

    [When(@"^the office sets the ERP price of ""([^""]+)"" to (\d+(?:\.\d+)?)$")]
    public Task WhenThePriceIsSet(string item, decimal price) => erp.SetPriceAsync(items.Number(item), price);

    [When(@"^the warehouse books (\d+) of ""([^""]+)"" out in the ERP$")]
    public Task WhenStockIsBookedOut(int quantity, string item) => erp.AdjustStockAsync(items.Number(item), -quantity, "booked out");
}
