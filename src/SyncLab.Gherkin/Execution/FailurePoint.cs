using Reqnroll;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// Where a scenario first stopped passing: a failed step does not throw at once (Reqnroll skips the remaining
/// steps and reports at the end), so the executor notes the first step or hook after which the status changed.
/// </summary>
/// <param name="Description">"step 'When …' (path:line)" or "the [BeforeScenario] hooks".</param>
/// <param name="Step">The step, when a step is to blame.</param>
/// <param name="Status">Reqnroll's scenario status right after that step or hook.</param>
internal sealed record FailurePoint(string Description, GherkinStep? Step, ScenarioExecutionStatus Status);
