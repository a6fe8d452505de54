using System.Collections.Concurrent;
using System.Reflection;
using SyncLab.Gherkin.Catalog;

namespace SyncLab.Gherkin;

/// <summary>
/// The catalog: the features of a test assembly (embedded resources) or of paths on disk, parsed once,
/// with their scenarios in file order and an index by scenario id.
/// </summary>
public sealed class FeatureSet
{
    private static readonly ConcurrentDictionary<(Assembly Assembly, string Prefix), Lazy<FeatureSet>> EmbeddedSets = new();

    private readonly Dictionary<string, GherkinScenario> _byId;

    private FeatureSet(IReadOnlyList<GherkinFeature> features)
    {
        Features = features;
        Scenarios = features.SelectMany(f => f.Scenarios).ToList();
        _byId = Scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<GherkinFeature> Features { get; }

    /// <summary>Every runnable scenario (Scenario Outline rows included), features in path order, scenarios in file order.</summary>
    public IReadOnlyList<GherkinScenario> Scenarios { get; }

    /// <summary>
    /// The <c>.feature</c> files embedded in <paramref name="assembly"/> whose logical name starts with
    /// <paramref name="resourcePrefix"/>. Cached per assembly and prefix, so each feature keeps one
    /// <c>FeatureInfo</c> for the whole test run, whichever thread runs its scenarios.
    /// </summary>
    public static FeatureSet FromEmbeddedResources(Assembly assembly, string resourcePrefix = "") =>
        EmbeddedSets.GetOrAdd(
            (assembly, resourcePrefix),
            key => new Lazy<FeatureSet>(() => Create(FeatureSourceReader.FromEmbeddedResources(key.Assembly, key.Prefix)))).Value;

    /// <summary>
    /// Feature files, and folders searched recursively for them, read now (not cached: the CLI runs what is on disk).
    /// Paths in messages are relative to <paramref name="baseDirectory"/>.
    /// </summary>
    public static FeatureSet FromPaths(IEnumerable<string> paths, string baseDirectory) =>
        Create(FeatureSourceReader.FromPaths(paths, baseDirectory));

    public GherkinScenario Get(string scenarioId) =>
        _byId.TryGetValue(scenarioId, out var scenario)
            ? scenario
            : throw new KeyNotFoundException($"No scenario '{scenarioId}' in this feature set; was the feature file changed since discovery?");

    private static FeatureSet Create(IReadOnlyList<FeatureSource> sources) =>
        new(sources.Select(FeatureParser.Parse).ToList());
}
