using System.Globalization;

namespace SyncLab.Gherkin.Cli;

/// <summary>The CLI's text output: one line per scenario, details under failures, a closing summary line.</summary>
internal sealed class ConsoleReport(TextWriter output)
{
    private const string Indent = "        ";

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public void Scenario(ScenarioResult result)
    {
        var scenario = result.Scenario;
        switch (result.Outcome)
        {
            case ScenarioOutcome.Passed:
                Passed++;
                output.WriteLine($"passed  {scenario.DisplayName} ({scenario.Location})");
                break;
            case ScenarioOutcome.Skipped:
                Skipped++;
                output.WriteLine($"skipped {scenario.DisplayName} ({scenario.Location}): {result.Message}");
                break;
            default:
                Failed++;
                output.WriteLine($"failed  {scenario.DisplayName} ({scenario.Location})");
                WriteIndented(result.Message ?? "(no message)");
                break;
        }
    }

    public void Problem(RunProblem problem)
    {
        Failed++;
        output.WriteLine($"failed  {problem.Name}");
        WriteIndented(problem.Message);
    }

    /// <summary>The closing line, alone on its line so CI can read it: "N passed, N failed, N skipped".</summary>
    public void Summary() =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed, {Skipped} skipped"));

    private void WriteIndented(string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            output.WriteLine(Indent + line);
        }
    }
}
