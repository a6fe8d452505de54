using Xunit.Abstractions;
using Xunit.Sdk;

namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// xUnit 2 discovery: reads the test class's embedded features and yields one <see cref="GherkinScenarioTestCase"/>
/// per scenario and Scenario Outline example row, so each is listed, filtered, reported (TRX) and skipped on its own.
/// </summary>
public sealed class GherkinScenarioDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    internal const string TypeName = "SyncLab.Gherkin.Xunit.GherkinScenarioDiscoverer";
    internal const string AssemblyName = "SyncLab.Gherkin";

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        var methodDisplay = discoveryOptions.MethodDisplayOrDefault();
        var methodDisplayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();

        FeatureSet features;
        try
        {
            var testClass = ((IReflectionTypeInfo)testMethod.TestClass.Class).Type;
            features = FeatureSet.FromEmbeddedResources(testClass.Assembly, GherkinFeaturesAttribute.Of(testClass).ResourcePrefix);
        }
        catch (Exception ex)
        {
            return [Error($"Gherkin scenarios could not be discovered: {ex.Message}")];
        }

        var testCases = new List<IXunitTestCase>();

        // A feature that does not parse must fail the run, not vanish from it. One test case for all of them:
        // xUnit identifies error test cases by their method only.
        var parseErrors = features.Features.Select(f => f.ParseError).OfType<string>().ToList();
        if (parseErrors.Count > 0)
        {
            testCases.Add(Error(string.Join(Environment.NewLine, parseErrors)));
        }

        testCases.AddRange(features.Scenarios.Select(scenario =>
            new GherkinScenarioTestCase(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod, scenario)));
        return testCases;

        ExecutionErrorTestCase Error(string message) =>
            new(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod, message);
    }
}
