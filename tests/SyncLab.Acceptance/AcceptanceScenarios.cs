using SyncLab.Gherkin.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace SyncLab.Acceptance;

// xUnit discovery glue: every scenario (and Scenario Outline example row) under specs/ is one test, run in file
// order against the step bindings of SyncLab.Specs, which Reqnroll treats as the test assembly. One class per
// process folder, because each class is an xUnit collection and collections run in parallel; every scenario
// has its own staging, so nothing is shared between them. SpecFoldersTests fails if a folder has no class.

[GherkinFeatures("specs/prices/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class PriceScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/inventory/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class InventoryScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/orders/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class OrderScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/fulfilment/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class FulfilmentScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/returns/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class ReturnScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/new-products/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class NewProductScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/out-of-stock/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class OutOfStockScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/clearance/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class ClearanceScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/reconciliation/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class ReconciliationScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/shoppers/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class ShopperScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);

[GherkinFeatures("specs/mapping/", BindingAssembly = "SyncLab.Specs")]
[TestCaseOrderer(GherkinScenarioOrderer.TypeName, GherkinScenarioOrderer.AssemblyName)]
public sealed class MappingScenarios(ITestOutputHelper output) : GherkinScenarioTests(output);
