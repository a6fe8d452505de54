using SyncLab.Gherkin.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace SyncLab.Acceptance;

/// <summary>
/// xUnit discovery glue: every scenario (and Scenario Outline example row) under specs/ is one test, run in file
/// order against the step bindings of SyncLab.Specs, which Reqnroll treats as the test assembly.
/// </summary>
[GherkinFeatures("specs/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class AcceptanceScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);
