namespace SyncLab.Gherkin;

/// <summary>The outcome of running one scenario, with what a person needs to find the cause.</summary>
public sealed class ScenarioResult
{
    internal ScenarioResult(
        GherkinScenario scenario,
        ScenarioOutcome outcome,
        string? message,
        GherkinStep? failedStep,
        Exception? error,
        TimeSpan duration,
        string output)
    {
        Scenario = scenario;
        Outcome = outcome;
        Message = message;
        FailedStep = failedStep;
        Error = error;
        Duration = duration;
        Output = output;
    }

    public GherkinScenario Scenario { get; }

    public ScenarioOutcome Outcome { get; }

    /// <summary>
    /// Why the scenario failed or was skipped; <c>null</c> when it passed. A failure names the first failing step
    /// (or hook) with its feature file and line, the step text and the error message.
    /// </summary>
    public string? Message { get; }

    /// <summary>The first step that did not pass, when a step (not a hook) is to blame.</summary>
    public GherkinStep? FailedStep { get; }

    /// <summary>The error behind a failure, when there is one.</summary>
    public Exception? Error { get; }

    public TimeSpan Duration { get; }

    /// <summary>Reqnroll's step trace and whatever bindings wrote to their output helper.</summary>
    public string Output { get; }
}
