using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>An ERP upgrade that changes the shape of its API pages, and its roll-back.</summary>
[Binding]
public sealed class ErpUpgradeSteps(ErpOfficeDriver office)
{
    [When(@"^the ERP is upgraded and its (item|web item) page answers ""([^""]+)"" as ""([^""]+)""$")]
    public Task WhenUpgraded(string page, string field, string newName) =>
        office.UpgradeAsync(page == "item" ? "items" : "webItems", field, newName);

    [When(@"^the ERP upgrade is rolled back$")]
    public Task WhenRolledBack() => office.RollBackUpgradeAsync();
}
