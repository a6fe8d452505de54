using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// Parses a feature with the Gherkin parser Reqnroll itself depends on and compiles it to pickles,
/// the same way Reqnroll's generator prepares the Cucumber messages at build time.
/// Each pickle becomes one runnable scenario; its index is the pickle index Reqnroll's formatters expect.
/// </summary>
internal static class FeatureParser
{
    private static readonly GherkinDialectProvider Dialects = new();

    public static GherkinFeature Parse(FeatureSource source)
    {
        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(source.Text));
        }
        catch (ParserException ex)
        {
            return Invalid(source, ex.Message);
        }

        if (ast.Feature is null)
        {
            // An empty (or comment-only) file: nothing to run, nothing wrong.
            return new GherkinFeature(source.Path, source.Path, [], null, null, _ => []);
        }

        var ids = new FeatureIdGenerator(source.Path);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, source.Path);
        var pickles = new PickleCompiler(ids).Compile(document);
        var feature = document.Feature;
        var featureTags = feature.Tags.Select(t => t.Name).ToList();

        var featureInfo = new FeatureInfo(
            new CultureInfo(feature.Language),
            FolderOf(source.Path),
            feature.Name,
            feature.Description,
            ProgrammingLanguage.CSharp,
            featureTags.Select(WithoutAt).ToArray(),
            new FeatureMessages(new Source(source.Path, source.Text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles));

        var index = new GherkinAstIndex(feature);
        var dialect = Dialects.GetDialect(feature.Language, null);
        return new GherkinFeature(
            source.Path,
            feature.Name,
            featureTags,
            featureInfo,
            null,
            owner => pickles.Select((pickle, i) => CreateScenario(owner, pickle, i, index, dialect, featureTags)).ToList());
    }

    private static GherkinScenario CreateScenario(
        GherkinFeature feature,
        Pickle pickle,
        int pickleIndex,
        GherkinAstIndex index,
        GherkinDialect dialect,
        IReadOnlyList<string> featureTags)
    {
        var (scenario, rule) = index.Scenario(pickle.AstNodeIds[0]);
        var line = (int)scenario.Location.Line;
        var exampleValues = new List<KeyValuePair<string, string>>();
        var exampleTags = new List<string>();
        if (pickle.AstNodeIds.Count > 1)
        {
            var (row, examples) = index.Row(pickle.AstNodeIds[1]);
            line = (int)row.Location.Line;
            exampleValues.AddRange(examples.TableHeader.Cells.Zip(row.Cells, (h, c) => KeyValuePair.Create(h.Value, c.Value)));
            exampleTags.AddRange(examples.Tags.Select(t => t.Name));
        }

        var ruleTags = rule?.Tags.Select(t => t.Name).ToList() ?? [];
        var tags = pickle.Tags.Select(t => t.Name).ToList();

        // Reqnroll splits tags as the generator does: the scenario's own (with its Examples block's) and inherited ones.
        var directTags = scenario.Tags.Select(t => t.Name).Concat(exampleTags).Select(WithoutAt).ToArray();
        var inheritedTags = featureTags.Concat(ruleTags).Distinct(StringComparer.Ordinal).Select(WithoutAt).ToArray();

        return new GherkinScenario(
            feature,
            scenario.Name,
            scenario.Description,
            line,
            exampleValues,
            tags,
            directTags,
            inheritedTags,
            rule is null ? null : (rule.Name, rule.Description, ruleTags.Select(WithoutAt).ToArray()),
            pickle.Steps.Select(s => StepBuilder.Build(s, index, dialect)).ToList(),
            ScenarioSkipPolicy.SkipReason(tags),
            pickleIndex);
    }

    private static GherkinFeature Invalid(FeatureSource source, string error) =>
        new(source.Path, source.Path, [], null, $"{source.Path}: Gherkin parse error: {error}", _ => []);

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static string WithoutAt(string tag) => tag.StartsWith('@') ? tag[1..] : tag;
}
