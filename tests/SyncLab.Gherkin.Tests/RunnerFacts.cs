using SyncLab.Gherkin.Tests.Bindings;
using SyncLab.Gherkin.Tests.Support;
using Xunit;

namespace SyncLab.Gherkin.Tests;

/// <summary>The runner on scenarios meant to fail, and on hooks and context injection.</summary>
public sealed class RunnerFacts
{
    private const string FailuresFeature = "FailingFeatures/Failures.feature";

    [Fact]
    public async Task An_undefined_step_fails_and_says_which_step_and_where()
    {
        var result = await SampleRun.RunAsync(SampleRun.FailingFeatures, "A step nobody wrote");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains($"has an undefined step 'When a step nobody has written yet runs' ({FailuresFeature}:6)", result.Message);
        Assert.Contains("No matching step definition found", result.Message);
        Assert.Equal(6, result.FailedStep?.Line);
    }

    [Fact]
    public async Task A_pending_step_fails()
    {
        var result = await SampleRun.RunAsync(SampleRun.FailingFeatures, "A step that is still pending");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains($"has a pending step 'When the step that is still pending runs' ({FailuresFeature}:11)", result.Message);
        Assert.Contains("not implemented yet", result.Message);
    }

    [Fact]
    public async Task A_failing_step_is_named_with_its_file_line_text_and_error()
    {
        var result = await SampleRun.RunAsync(SampleRun.FailingFeatures, "A step that fails");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains($"failed at step 'Then the basket holds 3 items' ({FailuresFeature}:17)", result.Message);
        Assert.Contains("Assert.Equal() Failure", result.Message);
        Assert.Equal("the basket holds 3 items", result.FailedStep?.Text);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task A_failing_hook_is_named()
    {
        var result = await SampleRun.RunAsync(SampleRun.FailingFeatures, "A hook that fails");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Contains("failed in the [BeforeScenario] hooks", result.Message);
        Assert.Contains(SampleHooks.FailingHookMessage, result.Message);
        Assert.Null(result.FailedStep);
    }

    [Fact]
    public async Task BeforeScenario_hooks_run_and_their_output_is_captured()
    {
        var result = await SampleRun.RunAsync(SampleRun.PassingFeatures, "A BeforeScenario hook prepares the scenario");

        Assert.Equal(ScenarioOutcome.Passed, result.Outcome);
        Assert.Contains("[BeforeScenario] hook ran for 'A BeforeScenario hook prepares the scenario'", result.Output);
    }

    [Fact]
    public async Task Step_classes_share_injected_context()
    {
        var result = await SampleRun.RunAsync(SampleRun.PassingFeatures, "Step classes share an injected context");

        Assert.Equal(ScenarioOutcome.Passed, result.Outcome);
        Assert.Contains("CounterIncrementSteps.WhenAnotherStepClassAdds(3)", result.Output);
    }

    [Fact]
    public async Task A_scenario_with_a_table_and_a_doc_string_passes()
    {
        var result = await SampleRun.RunAsync(SampleRun.PassingFeatures, "Items from a table and a note from a doc string");

        Assert.Equal(ScenarioOutcome.Passed, result.Outcome);
        Assert.Null(result.Message);
    }

    [Fact]
    public async Task A_manual_scenario_is_skipped_with_its_reason_and_not_run()
    {
        var result = await SampleRun.RunAsync(SampleRun.PassingFeatures, "The basket looks tidy on a phone");

        Assert.Equal(ScenarioOutcome.Skipped, result.Outcome);
        Assert.Contains("@manual", result.Message);
        Assert.DoesNotContain("a person checks the layout", result.Output);
    }

    [Fact]
    public async Task Features_run_in_parallel_on_separate_test_runners()
    {
        // As xUnit runs test collections in parallel: each feature's scenarios in order on one thread.
        using var reports = new TemporaryDirectory();
        var features = FeatureSet.FromEmbeddedResources(typeof(RunnerFacts).Assembly, SampleRun.PassingFeatures).Features;
        var session = await GherkinSession.StartAsync(typeof(RunnerFacts).Assembly, reports.Path);
        ScenarioResult[][] results;
        await using (session)
        {
            results = await Task.WhenAll(features.Select(feature => Task.Run(async () =>
            {
                var featureResults = new List<ScenarioResult>();
                foreach (var scenario in feature.Scenarios)
                {
                    featureResults.Add(await session.RunAsync(scenario));
                }

                return featureResults.ToArray();
            })));
        }

        Assert.All(results.SelectMany(r => r), r => Assert.NotEqual(ScenarioOutcome.Failed, r.Outcome));
        Assert.Equal(6, results.Sum(r => r.Length));
    }

    [Fact]
    public async Task A_session_writes_the_html_report_and_the_cucumber_messages()
    {
        using var reports = new TemporaryDirectory();
        var session = await GherkinSession.StartAsync(typeof(RunnerFacts).Assembly, reports.Path);
        await using (session)
        {
            await session.RunAsync(SampleRun.Scenario(SampleRun.PassingFeatures, "Items from a table and a note from a doc string"));
            await session.RunAsync(SampleRun.Scenario(SampleRun.FailingFeatures, "A step that fails"));
        }

        var messages = await File.ReadAllTextAsync(reports.Combine("messages.ndjson"));
        Assert.Contains("\"testRunFinished\"", messages);
        Assert.Contains("Items from a table and a note from a doc string", messages);
        Assert.Contains("A step that fails", messages);
        Assert.Contains("\"status\":\"FAILED\"", messages);
        var html = await File.ReadAllTextAsync(reports.Combine("report.html"));
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("A step that fails", html);
    }
}
