using SyncLab.Gherkin.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace SyncLab.Gherkin.Tests;

/// <summary>The xUnit glue: every scenario embedded under Features/ is one test, bound by this assembly's steps.</summary>
[GherkinFeatures(ResourcePrefix)]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class SampleScenarios(ITestOutputHelper output) : GherkinScenarioTests(output)
{
    public const string ResourcePrefix = "Features/";
}
