using SyncLab.Gherkin.Tests.Support;
using SyncLab.Gherkin.Xunit;
using Xunit;
using Xunit.Sdk;

namespace SyncLab.Gherkin.Tests;

/// <summary>What xUnit sees: one test case per scenario and example row, named, with traits, @manual skipped.</summary>
public sealed class DiscoveryFacts
{
    private static readonly IReadOnlyList<IXunitTestCase> TestCases = Discover(typeof(SampleScenarios));

    [Fact]
    public void Every_scenario_and_every_example_row_is_one_test_case()
    {
        Assert.Equal(6, TestCases.Count);
        Assert.All(TestCases, c => Assert.IsType<GherkinScenarioTestCase>(c));
        Assert.Equal(6, TestCases.Select(c => c.UniqueID).Distinct().Count());
    }

    [Fact]
    public void Display_names_read_feature_scenario_and_example_values()
    {
        Assert.Contains("Basket: Items from a table and a note from a doc string", TestCases.Select(c => c.DisplayName));
        Assert.Contains("Basket: Ten or more of an item cost ten percent less [sku=APPLE, quantity=1, price=2.00, total=2.00]", TestCases.Select(c => c.DisplayName));
        Assert.Contains("Basket: Ten or more of an item cost ten percent less [sku=ORANGE, quantity=10, price=1.00, total=9.00]", TestCases.Select(c => c.DisplayName));
    }

    [Fact]
    public void Each_tag_is_a_category_trait()
    {
        var outlineRow = TestCases.First(c => c.DisplayName.Contains("ORANGE", StringComparison.Ordinal));

        Assert.Equal(["basket", "pricing"], outlineRow.Traits["Category"]);
        Assert.Equal(["Basket"], outlineRow.Traits["Feature"]);
    }

    [Fact]
    public void Manual_scenarios_are_skipped_with_the_reason()
    {
        var manual = Assert.Single(TestCases, c => c.SkipReason is not null);

        Assert.Equal("Basket: The basket looks tidy on a phone", manual.DisplayName);
        Assert.Contains("@manual", manual.SkipReason);
    }

    [Fact]
    public void Test_cases_keep_name_skip_and_traits_through_serialization()
    {
        // The Visual Studio adapter serializes test cases between discovery and execution.
        var manual = TestCases.Single(c => c.SkipReason is not null);

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(manual));

        Assert.Equal(manual.DisplayName, copy.DisplayName);
        Assert.Equal(manual.SkipReason, copy.SkipReason);
        Assert.Equal(manual.Traits["Category"], copy.Traits["Category"]);
        Assert.Equal(manual.UniqueID, copy.UniqueID);
    }

    [Fact]
    public void The_orderer_keeps_file_order()
    {
        var ordered = new GherkinScenarioOrderer().OrderTestCases(TestCases.Reverse()).Cast<GherkinScenarioTestCase>();

        Assert.Equal(
            ["Features/Basket.feature:9", "Features/Basket.feature:30", "Features/Basket.feature:31", "Features/Basket.feature:34", "Features/Hooks.feature:4", "Features/Hooks.feature:7"],
            ordered.Select(c => c.ScenarioId));
    }

    [Fact]
    public void A_folder_without_features_gives_zero_test_cases_and_no_error() =>
        Assert.Empty(Discover(typeof(EmptyScenarios)));

    private static List<IXunitTestCase> Discover(Type testClass)
    {
        var method = testClass.GetMethod(nameof(GherkinScenarioTests.Scenario))!;
        var assembly = new TestAssembly(Reflector.Wrap(testClass.Assembly));
        var collection = new TestCollection(assembly, null, "samples");
        var testMethod = new TestMethod(new TestClass(collection, Reflector.Wrap(testClass)), Reflector.Wrap(method));
        var attribute = testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Single();

        return new GherkinScenarioDiscoverer(new NullMessageSink())
            .Discover(new DiscoveryOptions(), testMethod, attribute)
            .ToList();
    }
}
