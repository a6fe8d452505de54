using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Hooks;

[Binding]
public sealed class StagingHooks(StagingConnection staging)
{
    /// <summary>Gives the scenario's staging back to the pool (the next scenario to rent it resets it first).</summary>
    [AfterScenario]
    public async Task ReturnStagingAsync() => await staging.DisposeAsync();
}
