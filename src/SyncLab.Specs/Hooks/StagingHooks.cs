using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Hooks;

[Binding]
public sealed class StagingHooks(StagingConnection staging)
{
    [AfterScenario]
    public async Task StopStagingAsync() => await staging.DisposeAsync();
}
