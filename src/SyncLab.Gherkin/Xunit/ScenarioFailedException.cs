namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// Fails an xUnit test whose scenario did not pass. The message names the failing step with its file and line;
/// the inner exception is the step's own error, with its stack trace.
/// </summary>
public sealed class ScenarioFailedException : Exception
{
    public ScenarioFailedException(ScenarioResult result)
        : base(MessageOf(result), result.Error) => Result = result;

    public ScenarioResult Result { get; }

    private static string MessageOf(ScenarioResult result) => result.Outcome == ScenarioOutcome.Skipped
        ? $"{result.Message}{Environment.NewLine}(xUnit 2 cannot mark a test skipped once it runs, so a scenario skipped at run time fails.)"
        : result.Message ?? "The scenario did not pass.";
}
