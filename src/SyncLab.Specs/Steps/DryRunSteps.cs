using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class DryRunSteps(DryRunDriver dryRun, ScenarioItems items, ScenarioOrders orders)
{
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
