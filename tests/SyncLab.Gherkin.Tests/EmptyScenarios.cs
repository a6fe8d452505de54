using SyncLab.Gherkin.Xunit;
using Xunit.Abstractions;

namespace SyncLab.Gherkin.Tests;

/// <summary>
/// Glue over a folder with no features (as specs/ is before the first feature lands): it must yield zero tests
/// and no error, in the real discovery of this assembly as in <see cref="DiscoveryFacts"/>.
/// </summary>
[GherkinFeatures(ResourcePrefix)]
public sealed class EmptyScenarios(ITestOutputHelper output) : GherkinScenarioTests(output)
{
    public const string ResourcePrefix = "NoFeaturesHere/";
}
