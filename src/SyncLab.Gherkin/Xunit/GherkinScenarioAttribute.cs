using Xunit;
using Xunit.Sdk;

namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// Marks the method that runs one scenario, given its id. <see cref="GherkinScenarioDiscoverer"/> turns it into
/// one test case per scenario and per Scenario Outline example row.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(GherkinScenarioDiscoverer.TypeName, GherkinScenarioDiscoverer.AssemblyName)]
public sealed class GherkinScenarioAttribute : FactAttribute;
