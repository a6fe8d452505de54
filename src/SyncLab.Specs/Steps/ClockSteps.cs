using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class ClockSteps(ClockDriver clock, EngineDriver engine)
{
    /// <summary>Moves business time to a wall-clock time in a zone (DST-aware), then waits for whatever fell due on the way.</summary>
    [When(@"^the business clock reaches (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) in ([A-Za-z_]+(?:/[A-Za-z_]+)*)$")]
    public async Task WhenTheClockReaches(string local, string zone)
    {
        await clock.SetAsync(BusinessTime.At(local, zone));
        await engine.AwaitQuiescenceAsync();
    }
}
