using SyncLab.Gherkin.Tests.Support;
using Xunit;

namespace SyncLab.Gherkin.Tests;

/// <summary>Reading and parsing features into runnable scenarios.</summary>
public sealed class CatalogFacts
{
    private static readonly FeatureSet Samples = FeatureSet.FromEmbeddedResources(typeof(CatalogFacts).Assembly, SampleRun.PassingFeatures);

    [Fact]
    public void Each_example_row_is_its_own_scenario_with_its_values_placed_in_the_steps()
    {
        var rows = Samples.Scenarios.Where(s => s.Title == "Ten or more of an item cost ten percent less").ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("Basket: Ten or more of an item cost ten percent less [sku=ORANGE, quantity=10, price=1.00, total=9.00]", rows[1].DisplayName);
        Assert.Equal("I add 10 of \"ORANGE\" at 1.00", rows[1].Steps[1].Text);
        Assert.Equal("Features/Basket.feature:31", rows[1].Id);
    }

    [Fact]
    public void Steps_start_with_the_background_and_carry_tables_and_doc_strings()
    {
        var scenario = Samples.Get("Features/Basket.feature:9");

        Assert.Equal(["Given an empty basket", "When I add these items", "And I attach the note"], scenario.Steps.Take(3).Select(s => s.ToString()));
        Assert.Equal(StepKind.And, scenario.Steps[2].Kind);
        Assert.Equal(["sku", "quantity", "price"], scenario.Steps[1].Table![0]);
        Assert.Equal(3, scenario.Steps[1].Table!.Count);
        Assert.Equal("Leave at the door.\nRing twice.", scenario.Steps[2].DocString);
    }

    [Fact]
    public void Ids_are_unique_across_features_and_scenarios_share_their_feature()
    {
        Assert.Equal(Samples.Scenarios.Count, Samples.Scenarios.Select(s => s.Id).Distinct().Count());
        Assert.Equal(2, Samples.Features.Count);
        Assert.All(Samples.Features, f => Assert.All(f.Scenarios, s => Assert.Same(f, s.Feature)));
    }

    [Fact]
    public void Tags_include_inherited_ones_and_manual_scenarios_are_skipped_with_a_reason()
    {
        var manual = Samples.Scenarios.Single(s => s.Title == "The basket looks tidy on a phone");

        Assert.Equal(["@basket", "@manual"], manual.Tags);
        Assert.Contains("@manual", manual.SkipReason);
        Assert.All(Samples.Scenarios.Where(s => s != manual), s => Assert.Null(s.SkipReason));
    }

    [Fact]
    public void A_feature_that_does_not_parse_reports_why()
    {
        using var folder = new TemporaryDirectory();
        folder.WriteFile("Broken.feature", "Feature: Broken\n  Scenario: Text after a step\n    Given an empty basket\n    this line is not Gherkin\n");

        var features = FeatureSet.FromPaths([folder.Path], folder.Path);

        Assert.Contains("Broken.feature: Gherkin parse error", features.Features.Single().ParseError);
        Assert.Empty(features.Scenarios);
    }
}
