using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>Seasonal products: the selling season the office keys on the ERP item (commerce connector's season fields).</summary>
[Binding]
public sealed class SeasonSteps(ErpDriver erp, ScenarioItems items)
{
    private const string Day = @"(\d{4}-\d{2}-\d{2})";

    [Given(@"^the office sells ""([^""]+)"" only from " + Day + " to " + Day + " in the ERP$")]
    [When(@"^the office sells ""([^""]+)"" only from " + Day + " to " + Day + " in the ERP$")]
    public Task GivenASeason(string item, string from, string to) =>
        erp.EditItemAsync(items.Number(item), new Dictionary<string, object?>(StringComparer.Ordinal) { ["seasonStartDate"] = from, ["seasonEndDate"] = to });

    [Given(@"^the office sells ""([^""]+)"" from " + Day + " on, with no end, in the ERP$")]
    public Task GivenAnOpenSeason(string item, string from) =>
        erp.EditItemAsync(items.Number(item), new Dictionary<string, object?>(StringComparer.Ordinal) { ["seasonStartDate"] = from });
}
