using Xunit.Abstractions;
using Xunit.Sdk;

namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// Runs a class's scenarios in file order (features by path, scenarios by line), so each feature starts once and
/// ends when the next one starts, instead of xUnit's default order by hash. Other test cases follow unchanged.
/// Use with <c>[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]</c>.
/// </summary>
public sealed class GherkinScenarioOrderer : ITestCaseOrderer
{
    public const string TypeName = "SyncLab.Gherkin.Xunit.GherkinScenarioOrderer";
    public const string AssemblyName = "SyncLab.Gherkin";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(c => c is GherkinScenarioTestCase ? 0 : 1)
            .ThenBy(c => (c as GherkinScenarioTestCase)?.FeaturePath, StringComparer.Ordinal)
            .ThenBy(c => (c as GherkinScenarioTestCase)?.Line ?? 0);
}
