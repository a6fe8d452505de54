using System.Collections.Specialized;
using System.Globalization;
using Reqnroll;

namespace SyncLab.Gherkin;

/// <summary>One runnable scenario: a plain Scenario, or one example row of a Scenario Outline.</summary>
public sealed class GherkinScenario
{
    private readonly string _description;
    private readonly string[] _directTags;
    private readonly string[] _inheritedTags;
    private readonly (string Title, string Description, string[] Tags)? _rule;
    private readonly int _pickleIndex;

    internal GherkinScenario(
        GherkinFeature feature,
        string title,
        string description,
        int line,
        IReadOnlyList<KeyValuePair<string, string>> exampleValues,
        IReadOnlyList<string> tags,
        string[] directTags,
        string[] inheritedTags,
        (string Title, string Description, string[] Tags)? rule,
        IReadOnlyList<GherkinStep> steps,
        string? skipReason,
        int pickleIndex)
    {
        Feature = feature;
        Title = title;
        _description = description;
        Line = line;
        ExampleValues = exampleValues;
        Tags = tags;
        _directTags = directTags;
        _inheritedTags = inheritedTags;
        _rule = rule;
        Steps = steps;
        SkipReason = skipReason;
        _pickleIndex = pickleIndex;
    }

    /// <summary>
    /// Stable and unique across features: the feature path and the line of the scenario (or of the example row),
    /// e.g. <c>specs/orders.feature:14</c>.
    /// </summary>
    public string Id => Location;

    public GherkinFeature Feature { get; }

    /// <summary>The scenario's name as written (a Scenario Outline's placeholders are not replaced).</summary>
    public string Title { get; }

    /// <summary>The line of the scenario, or of the example row for a Scenario Outline.</summary>
    public int Line { get; }

    /// <summary><c>path:line</c>, the place to look when the scenario fails.</summary>
    public string Location => $"{Feature.Path}:{Line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The example row's values by column, empty for a plain scenario.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExampleValues { get; }

    /// <summary>Every tag that applies, inherited ones included (feature, rule, scenario, examples), with their '@'.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Background steps first, then the scenario's own.</summary>
    public IReadOnlyList<GherkinStep> Steps { get; }

    /// <summary>Why the scenario is not run (e.g. tagged <c>@manual</c>); <c>null</c> when it runs.</summary>
    public string? SkipReason { get; }

    /// <summary>"Feature: Scenario [column=value, ...]".</summary>
    public string DisplayName => ExampleValues.Count == 0
        ? $"{Feature.Title}: {Title}"
        : $"{Feature.Title}: {Title} [{string.Join(", ", ExampleValues.Select(v => $"{v.Key}={v.Value}"))}]";

    public override string ToString() => DisplayName;

    /// <summary>
    /// A fresh <see cref="ScenarioInfo"/> per run, as the generated code builds one per test method call:
    /// Reqnroll stores run state (pickle ids, step sequence) on it.
    /// </summary>
    internal ScenarioInfo CreateScenarioInfo()
    {
        var arguments = new OrderedDictionary();
        foreach (var (column, value) in ExampleValues)
        {
            arguments[column] = value;
        }

        return new ScenarioInfo(
            Title,
            _description,
            _directTags,
            arguments,
            _inheritedTags,
            _pickleIndex.ToString(CultureInfo.InvariantCulture));
    }

    internal RuleInfo? CreateRuleInfo() =>
        _rule is { } rule ? new RuleInfo(rule.Title, rule.Description, rule.Tags) : null;
}
