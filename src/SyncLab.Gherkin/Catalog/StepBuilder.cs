using Gherkin;
using Io.Cucumber.Messages.Types;
using StepKeywordType = Io.Cucumber.Messages.Types.StepKeywordType;

namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// Turns a pickle step (placeholders replaced, background included) back into what the generated code would pass
/// to <c>ITestRunner</c>: the keyword method, the keyword text, the DocString and the DataTable.
/// </summary>
internal static class StepBuilder
{
    public static GherkinStep Build(PickleStep pickleStep, GherkinAstIndex index, GherkinDialect dialect)
    {
        var astStep = index.Step(pickleStep.AstNodeIds[0]);
        var table = pickleStep.Argument?.DataTable?.Rows
            .Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => cell.Value).ToList())
            .ToList();

        return new GherkinStep(
            astStep.Keyword,
            KindOf(astStep, dialect),
            pickleStep.Text,
            pickleStep.Argument?.DocString?.Content,
            table,
            (int)astStep.Location.Line);
    }

    private static StepKind KindOf(Step step, GherkinDialect dialect) => step.KeywordType switch
    {
        StepKeywordType.CONTEXT => StepKind.Given,
        StepKeywordType.ACTION => StepKind.When,
        StepKeywordType.OUTCOME => StepKind.Then,
        StepKeywordType.CONJUNCTION when dialect.ButStepKeywords.Contains(step.Keyword, StringComparer.Ordinal) => StepKind.But,
        // "And", and "*" which Reqnroll also treats as And: it continues the current block (Given when there is none).
        _ => StepKind.And,
    };
}
