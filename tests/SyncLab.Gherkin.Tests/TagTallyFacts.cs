using SyncLab.Gherkin.Reporting;
using SyncLab.Gherkin.Tests.Support;
using Xunit;

namespace SyncLab.Gherkin.Tests;

/// <summary>The run report counts scenarios per tag, and how they ended per tag.</summary>
public sealed class TagTallyFacts : IDisposable
{
    private const string TaggedFeature = """
        @basket
        Feature: Tagged basket

          @yearly
          Scenario: Passes
            Given an empty basket
            When I add 2 of "PLUM" at 1.00
            Then the total is 2.00

          @yearly @fault
          Scenario: Fails
            Given an empty basket
            When I add 2 of "PLUM" at 1.00
            Then the total is 3.00

          @manual
          Scenario: Skipped by hand
            Then a person checks the layout by eye

          Scenario Outline: Rows count one each
            Given an empty basket
            When I add <n> of "PLUM" at 1.00
            Then the total is <total>

            @rows
            Examples:
              | n | total |
              | 1 | 1.00  |
              | 2 | 2.00  |
        """;

    private readonly TemporaryDirectory _folder = new();
    private readonly StringWriter _output = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Counts_each_scenario_under_every_tag_it_carries_inherited_ones_included()
    {
        var tally = new TagTally();
        tally.Add(["@basket", "@yearly"], ScenarioOutcome.Passed);
        tally.Add(["@basket", "@yearly", "@fault"], ScenarioOutcome.Failed);
        tally.Add(["@basket", "@manual"], ScenarioOutcome.Skipped);
        tally.Add(["@basket", "@basket"], ScenarioOutcome.Passed);

        Assert.Equal(
            [
                new TagCount("@basket", 4, 2, 1, 1),
                new TagCount("@fault", 1, 0, 1, 0),
                new TagCount("@manual", 1, 0, 0, 1),
                new TagCount("@yearly", 2, 1, 1, 0),
            ],
            tally.Counts());
        var lines = tally.Format().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("tag           scenarios  passed  failed  skipped", lines[0]);
        Assert.Equal("@yearly               2       1       1        0", lines[4]);
        Assert.Equal("(all)                 4", lines[^1]);
    }

    [Fact]
    public async Task The_cli_prints_the_counts_per_tag_and_writes_them_to_tags_txt()
    {
        var feature = _folder.WriteFile("Tagged.feature", TaggedFeature);
        var reports = _folder.Combine("reports");

        var exitCode = await GherkinCli.RunAsync([feature], null, typeof(TagTallyFacts).Assembly, reports, _output);

        Assert.Equal(1, exitCode);
        var lines = _output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Contains("@basket               5       3       1        1", lines);
        Assert.Contains("@yearly               2       1       1        0", lines);
        Assert.Contains("@fault                1       0       1        0", lines);
        Assert.Contains("@rows                 2       2       0        0", lines);
        Assert.Equal("3 passed, 1 failed, 1 skipped", lines[^1]);
        var file = await File.ReadAllTextAsync(Path.Combine(reports, ReportFiles.Tags));
        Assert.Contains("@basket               5       3       1        1", file);
    }
}
