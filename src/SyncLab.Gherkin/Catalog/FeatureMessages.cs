using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// The feature-level Cucumber messages (source, Gherkin document, pickles) that Reqnroll's build-time generator
/// would embed. The HTML and message formatters publish them when the feature starts and look pickles up by index.
/// </summary>
internal sealed class FeatureMessages(Source source, GherkinDocument gherkinDocument, IReadOnlyList<Pickle> pickles)
    : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public Source Source { get; } = source;

    public GherkinDocument GherkinDocument { get; } = gherkinDocument;

    public IEnumerable<Pickle> Pickles { get; } = pickles;
}
