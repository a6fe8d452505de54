namespace SyncLab.Gherkin;

/// <summary>How a scenario ended. Pending and undefined steps are failures, never passes.</summary>
public enum ScenarioOutcome
{
    Passed,
    Failed,
    Skipped,
}
