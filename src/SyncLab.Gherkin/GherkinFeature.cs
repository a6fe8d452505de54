using Reqnroll;

namespace SyncLab.Gherkin;

/// <summary>A parsed feature file and its runnable scenarios, in file order.</summary>
public sealed class GherkinFeature
{
    internal GherkinFeature(
        string path,
        string title,
        IReadOnlyList<string> tags,
        FeatureInfo? featureInfo,
        string? parseError,
        Func<GherkinFeature, IReadOnlyList<GherkinScenario>> createScenarios)
    {
        Path = path;
        Title = title;
        Tags = tags;
        FeatureInfo = featureInfo;
        ParseError = parseError;
        Scenarios = createScenarios(this);
    }

    /// <summary>The path that names the file in messages: a resource's logical name or a path relative to the CLI's directory.</summary>
    public string Path { get; }

    public string Title { get; }

    /// <summary>The feature's own tags, with their '@'.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>One entry per scenario and per Scenario Outline example row.</summary>
    public IReadOnlyList<GherkinScenario> Scenarios { get; }

    /// <summary>Why the file could not be parsed; <c>null</c> when it was.</summary>
    public string? ParseError { get; }

    /// <summary>
    /// The single <see cref="Reqnroll.FeatureInfo"/> of this feature. Reqnroll tells features apart by this
    /// instance (feature switching, formatter tracking), so every scenario of the feature must share it.
    /// </summary>
    internal FeatureInfo? FeatureInfo { get; }
}
