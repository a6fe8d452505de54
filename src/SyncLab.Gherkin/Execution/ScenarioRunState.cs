using Reqnroll;

namespace SyncLab.Gherkin.Execution;

/// <summary>What the executor observed while running one scenario, for <see cref="ScenarioResultBuilder"/>.</summary>
internal sealed class ScenarioRunState
{
    /// <summary>The first step or hook after which the scenario no longer passed.</summary>
    public FailurePoint? FirstFailure { get; private set; }

    /// <summary>An error before the scenario could start (BeforeTestRun, BeforeFeature, previous AfterFeature hooks).</summary>
    public Exception? SetupError { get; set; }

    /// <summary>Reqnroll's scenario error once the steps ran, read before the scenario context is cleaned up.</summary>
    public Exception? TestError { get; set; }

    /// <summary>What <c>CollectScenarioErrorsAsync</c> threw (Reqnroll's verdict on the scenario).</summary>
    public Exception? CollectedError { get; set; }

    /// <summary>An error from the [AfterScenario] hooks.</summary>
    public Exception? EndError { get; set; }

    public void Observe(ScenarioContext context, string description, GherkinStep? step = null)
    {
        if (FirstFailure is null && context.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
        {
            FirstFailure = new FailurePoint(description, step, context.ScenarioExecutionStatus);
        }
    }
}
