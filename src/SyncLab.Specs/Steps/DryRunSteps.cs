using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class DryRunSteps(DryRunDriver dryRun, PriceListDriver priceLists, ScenarioItems items, ScenarioOrders orders)
{
    [When(@"^the office asks the engine for a dry run of prices at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) in ([A-Za-z_]+(?:/[A-Za-z_]+)*)$")]
    public Task WhenTheOfficeAsksForADryRunOfPricesAt(string local, string zone) => dryRun.RunAsync("prices", BusinessTime.At(local, zone));

    [Then(@"^the dry run says ""([^""]+)"" would sell at (\d+\.\d{2}) from the price list (\S+)$")]
    public void ThenTheDryRunSaysTheItemWouldSellAt(string item, string price, string list)
    {
        var announced = dryRun.PriceFor(items.Sku(item));
        var expected = (price, priceLists.CodeOf(list));
        Expect.That(announced == expected, $"the dry run says for {items.Sku(item)}: {announced?.ToString() ?? "no price change"}; expected {expected}");
    }

    [When(@"^the office asks the engine for a dry run of (products|orders)$")]
    public Task WhenTheOfficeAsksForADryRun(string process) => dryRun.RunAsync(process);

    [Then(@"^the dry run says ""([^""]+)"" would be (archived|created as a draft|created active)$")]
    public void ThenTheDryRunSaysTheItem(string item, string what)
    {
        var changes = dryRun.ChangesFor(items.Sku(item));
        var expected = what switch { "archived" => "ARCHIVED", "created as a draft" => "created DRAFT", _ => "created ACTIVE" };
        Expect.That(changes.Any(c => c.Contains(expected, StringComparison.Ordinal)), $"the dry run says for {items.Sku(item)}: {string.Join("; ", changes)}; expected {expected}");
    }

    [Then(@"^the dry run says the web order (would be created in the ERP|is already in the ERP)$")]
    public void ThenTheDryRunSaysTheOrder(string what)
    {
        var name = (string)orders.Last["name"]!;
        var found = what == "would be created in the ERP"
            ? dryRun.ChangesFor(name).Any(c => c.Contains(orders.LastExternalNumber, StringComparison.Ordinal))
            : dryRun.SkipsFor(name).Any(r => r.StartsWith("already in the ERP", StringComparison.Ordinal));
        Expect.That(found, $"the dry run says for {name}: changes {string.Join("; ", dryRun.ChangesFor(name))}, skipped {string.Join("; ", dryRun.SkipsFor(name))}; expected it {what}");
    }
}
