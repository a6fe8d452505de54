namespace SyncLab.Gherkin.Cli;

/// <summary>A failure that belongs to no single scenario: a feature file that does not parse, a run-level hook.</summary>
/// <param name="Name">What failed, e.g. the feature path or "[AfterTestRun] hooks".</param>
/// <param name="Message">What went wrong.</param>
internal sealed record RunProblem(string Name, string Message);
