using Reqnroll;
using Reqnroll.ErrorHandling;
using Reqnroll.UnitTestProvider;

namespace SyncLab.Gherkin.Plugin;

/// <summary>
/// How Reqnroll's pending, inconclusive and ignored outcomes surface. Each one throws, so no such scenario can
/// ever end as passed; the scenario executor then names the outcome from Reqnroll's scenario status.
/// </summary>
internal sealed class AdapterRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PendingScenarioException(message);

    public void TestInconclusive(string message) => throw new ScenarioInconclusiveException(message);

    public void TestIgnore(string message) => throw new ScenarioIgnoredException(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        ScenarioIgnoredException => ScenarioExecutionStatus.Skipped,
        PendingScenarioException => ScenarioExecutionStatus.StepDefinitionPending,
        _ => null,
    };
}
