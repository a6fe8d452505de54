using SyncLab.Gherkin.Tests.Support;
using Xunit;

namespace SyncLab.Gherkin.Tests;

/// <summary>The CLI on feature files written to disk, as QA would: new features made of existing steps.</summary>
public sealed class CliFacts : IDisposable
{
    private const string QaFeature = """
        @cli
        Feature: Written by QA

          Scenario: Existing steps in a new feature
            Given an empty basket
            When I add 3 of "PLUM" at 1.00
            Then the total is 3.00

          @manual
          Scenario: Checked by hand
            Then a person checks the layout by eye

          @slow
          Scenario: Left out by the tag expression
            Given an empty basket
        """;

    private const string BrokenFeature = """
        Feature: Broken basket

          Scenario: The total is wrong
            Given an empty basket
            When I add 2 of "PLUM" at 1.00
            Then the total is 3.00
        """;

    private readonly TemporaryDirectory _folder = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Runs_the_selected_scenarios_prints_one_line_each_and_writes_the_reports()
    {
        var features = _folder.Combine("features");
        _folder.WriteFile("features/qa/Smoke.feature", QaFeature);
        var reports = _folder.Combine("reports");

        var exitCode = await GherkinCli.RunAsync([features], "@cli and not @slow", typeof(CliFacts).Assembly, reports, _output);

        var lines = Lines();
        Assert.True(exitCode == 0, _output.ToString());
        Assert.Contains(lines, l => l.StartsWith("passed  Written by QA: Existing steps in a new feature (", StringComparison.Ordinal) && l.EndsWith("qa/Smoke.feature:4)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("skipped Written by QA: Checked by hand (", StringComparison.Ordinal) && l.Contains("@manual", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Left out by the tag expression", StringComparison.Ordinal));
        Assert.Equal("1 passed, 0 failed, 1 skipped", lines[^1]);
        Assert.True(File.Exists(Path.Combine(reports, "report.html")));
        Assert.Contains("\"testRunFinished\"", await File.ReadAllTextAsync(Path.Combine(reports, "messages.ndjson")));
        var junit = await File.ReadAllTextAsync(Path.Combine(reports, "junit.xml"));
        Assert.Contains("name=\"Written by QA: Existing steps in a new feature\"", junit);
        Assert.Contains("<skipped message=\"Tagged @manual", junit);
    }

    [Fact]
    public async Task A_failing_scenario_names_the_step_file_and_line_and_exits_with_1()
    {
        var feature = _folder.WriteFile("Broken.feature", BrokenFeature);
        var reports = _folder.Combine("reports");

        var exitCode = await GherkinCli.RunAsync(["--tags", "not @manual", "--report-dir", reports, feature], typeof(CliFacts).Assembly, _output);

        var output = _output.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains("failed  Broken basket: The total is wrong (", output);
        Assert.Contains("failed at step 'Then the total is 3.00' (", output);
        Assert.Contains("Broken.feature:6)", output);
        Assert.Contains("Assert.Equal() Failure", output);
        Assert.Equal("0 passed, 1 failed, 0 skipped", Lines()[^1]);
        Assert.Contains("<failure message=\"Scenario 'Broken basket: The total is wrong'", await File.ReadAllTextAsync(Path.Combine(reports, "junit.xml")));
    }

    [Fact]
    public async Task A_feature_that_does_not_parse_fails_the_run()
    {
        var feature = _folder.WriteFile("Unparsable.feature", "Feature: Unparsable\n  Scenario: Text after a step\n    Given an empty basket\n    not a step\n");

        var exitCode = await GherkinCli.RunAsync([feature], null, typeof(CliFacts).Assembly, _folder.Combine("reports"), _output);

        Assert.Equal(1, exitCode);
        Assert.Contains("Gherkin parse error", _output.ToString());
        Assert.Equal("0 passed, 1 failed, 0 skipped", Lines()[^1]);
    }

    [Theory]
    [InlineData("--tags", "@a and")]
    [InlineData("--unknown", "x")]
    public async Task Wrong_arguments_exit_with_2_and_run_nothing(string option, string value)
    {
        var feature = _folder.WriteFile("Any.feature", BrokenFeature);

        var exitCode = await GherkinCli.RunAsync([option, value, feature], typeof(CliFacts).Assembly, _output);

        Assert.Equal(GherkinCli.UsageError, exitCode);
        Assert.DoesNotContain("passed,", _output.ToString());
    }

    [Fact]
    public async Task A_missing_path_exits_with_2()
    {
        var exitCode = await GherkinCli.RunAsync([_folder.Combine("nowhere")], null, typeof(CliFacts).Assembly, _folder.Combine("reports"), _output);

        Assert.Equal(GherkinCli.UsageError, exitCode);
        Assert.Contains("No feature file or folder", _output.ToString());
    }

    private string[] Lines() => _output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
