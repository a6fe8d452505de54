using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Hooks;

[Binding]
public sealed class StagingHooks(StagingConnection staging, PriceListDriver priceLists, ErpOfficeDriver office)
{
    /// <summary>The run is over: the pooled stagings stop and take their scratch folders with them.</summary>
    [AfterTestRun]
    public static Task StopStagingsAsync() => StagingPool.StopIdleAsync();

    /// <summary>Takes back the faults (and an ERP upgrade) the scenario set, then gives its staging back to the pool (the next scenario to rent it resets it first).</summary>
    [AfterScenario]
    public async Task ReturnStagingAsync()
    {
        try
        {
            if (staging.IsConnected)
            {
                await priceLists.RemoveFaultsAsync();
                await office.RollBackIfUpgradedAsync();
            }
        }
        finally
        {
            await staging.DisposeAsync();
        }
    }
}
