using System.Reflection;
using SyncLab.Gherkin;
using SyncLab.Gherkin.Xunit;
using Xunit;

namespace SyncLab.Acceptance;

/// <summary>A feature file in a folder no glue class covers would never run: that must fail, not pass quietly.</summary>
public sealed class SpecFoldersTests
{
    [Fact]
    public void every_embedded_feature_runs_under_exactly_one_scenario_class()
    {
        var assembly = typeof(SpecFoldersTests).Assembly;
        var prefixes = assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<GherkinFeaturesAttribute>())
            .OfType<GherkinFeaturesAttribute>()
            .Select(a => a.ResourcePrefix)
            .ToList();
        var all = FeatureSet.FromEmbeddedResources(assembly, "specs/").Features.Select(f => f.Path).ToList();
        Assert.NotEmpty(all);
        Assert.All(all, path => Assert.Equal(1, prefixes.Count(p => path.StartsWith(p, StringComparison.Ordinal))));
    }
}
