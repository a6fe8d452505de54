using Reqnroll;
using Xunit;

namespace SyncLab.Gherkin.Tests.Bindings;

[Binding]
public sealed class HookSteps(HookRecord record, ScenarioContext scenarioContext)
{
    [Then("the BeforeScenario hook has run for this scenario")]
    public void ThenTheHookHasRun() => Assert.Equal(scenarioContext.ScenarioInfo.Title, record.PreparedScenario);
}
