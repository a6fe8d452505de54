using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class ReturnReceiptSteps(WarehouseDeskDriver warehouse, ScenarioItems items)
{
    [When(@"^the warehouse counts its stock of ""([^""]+)""$")]
    public Task WhenTheWarehouseCounts(string item) => warehouse.CountAsync(items.Sku(item));

    [Then(@"^the warehouse holds (\d+) more of ""([^""]+)"" than at its count$")]
    public async Task ThenTheWarehouseHoldsMore(int more, string item)
    {
        var gained = await warehouse.GainedSinceCountAsync(items.Sku(item));
        if (gained != more)
        {
            throw new InvalidOperationException($"the warehouse holds {gained} more of {item} than at its count, expected {more}");
        }
    }
}
