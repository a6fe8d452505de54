using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class EstateSteps(StagingConnection staging, EngineDriver engine)
{
    private const int ScenarioSkus = 60;

    [Given(@"^a fresh estate seeded with (\d+)$")]
    public Task GivenAFreshEstate(int seed) => staging.ConnectAsync(seed, ScenarioSkus);

    [Given(@"^the engine has finished its first sync$")]
    public Task GivenTheFirstSyncFinished() => engine.AwaitQuiescenceAsync();
}
