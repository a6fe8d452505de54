using System.ComponentModel;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// One scenario (or example row) as an xUnit test case. The scenario id is the test method's argument, so each case
/// has its own stable unique id; the display name, skip reason and traits travel with the case when the runner
/// serializes it between discovery and execution.
/// </summary>
public sealed class GherkinScenarioTestCase : XunitTestCase
{
    private const string TraitSeparator = "\u001f";

    private string _displayName = string.Empty;
    private string? _skipReason;
    private string[] _traits = [];

    /// <summary>For the deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public GherkinScenarioTestCase()
    {
    }

    public GherkinScenarioTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        GherkinScenario scenario)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, [scenario.Id])
    {
        _displayName = scenario.DisplayName;
        _skipReason = scenario.SkipReason;
        _traits = TraitsOf(scenario).Select(t => t.Key + TraitSeparator + t.Value).ToArray();
    }

    /// <summary>The scenario's id, "path:line".</summary>
    public string ScenarioId => (string)TestMethodArguments[0];

    /// <summary>The feature path part of <see cref="ScenarioId"/>.</summary>
    public string FeaturePath => ScenarioId[..ScenarioId.LastIndexOf(':')];

    /// <summary>The line part of <see cref="ScenarioId"/>.</summary>
    public int Line => int.Parse(ScenarioId[(ScenarioId.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("ScenarioDisplayName", _displayName);
        data.AddValue("ScenarioSkipReason", _skipReason);
        data.AddValue("ScenarioTraits", _traits);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        // Before the base: XunitTestCase.Deserialize sets Timeout, which already runs Initialize().
        _displayName = data.GetValue<string>("ScenarioDisplayName");
        _skipReason = data.GetValue<string>("ScenarioSkipReason");
        _traits = data.GetValue<string[]>("ScenarioTraits");
        base.Deserialize(data);
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = _displayName;
        SkipReason = _skipReason;
        foreach (var trait in _traits)
        {
            var separator = trait.IndexOf(TraitSeparator, StringComparison.Ordinal);
            var (name, value) = (trait[..separator], trait[(separator + 1)..]);
            if (!Traits.TryGetValue(name, out var values))
            {
                Traits[name] = values = [];
            }

            values.Add(value);
        }
    }

    /// <summary>
    /// A "Category" trait per tag, without its '@' (as Reqnroll's generator does, so <c>--filter Category=orders</c>
    /// works), and the feature's title as "Feature".
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> TraitsOf(GherkinScenario scenario) =>
        scenario.Tags
            .Select(tag => KeyValuePair.Create("Category", tag.TrimStart('@')))
            .Distinct()
            .Append(KeyValuePair.Create("Feature", scenario.Feature.Title));
}
