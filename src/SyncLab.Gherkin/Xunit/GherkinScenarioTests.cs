using SyncLab.Gherkin.Execution;
using SyncLab.Gherkin.Reporting;
using Xunit.Abstractions;

namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// Base class of the xUnit glue. A test project declares one sealed subclass with <see cref="GherkinFeaturesAttribute"/>
/// (and, for file order, <c>[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]</c>);
/// each embedded scenario then becomes one test. Each subclass is its own xUnit test collection, so subclasses
/// run in parallel with each other; Reqnroll gives each thread its own test runner.
/// </summary>
public abstract class GherkinScenarioTests(ITestOutputHelper output)
{
    /// <summary>Runs the scenario with this id (<c>path:line</c>) and fails unless it passes.</summary>
    [GherkinScenario]
    public async Task Scenario(string scenarioId)
    {
        var testClass = GetType();
        var settings = GherkinFeaturesAttribute.Of(testClass);
        var scenario = FeatureSet.FromEmbeddedResources(testClass.Assembly, settings.ResourcePrefix).Get(scenarioId);
        var scope = RunScope.ForTestRun(settings.ResolveBindingAssembly(testClass.Assembly));

        var result = await ScenarioExecutor.RunAsync(
            scenario,
            scope,
            new ScenarioOutput(output.WriteLine),
            // Bindings may ask for xUnit's output helper, as with Reqnroll.xUnit.
            container => container.RegisterInstanceAs(output),
            CancellationToken.None);

        TagTally.ForTestRun.Add(result);
        TagTally.ForTestRun.WriteFile(Path.Combine(ReportLocation.EnsureDirectoryVariable(), ReportFiles.TagsOf(testClass.Assembly.GetName().Name!)));

        if (result.Outcome != ScenarioOutcome.Passed)
        {
            throw new ScenarioFailedException(result);
        }
    }
}
