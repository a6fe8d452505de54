namespace SyncLab.Gherkin;

/// <summary>
/// One step as it runs: background steps included, Scenario Outline placeholders already replaced.
/// </summary>
/// <param name="Keyword">The keyword as written, e.g. "Given " or "And ".</param>
/// <param name="Kind">The step method the keyword maps to.</param>
/// <param name="Text">The step text.</param>
/// <param name="DocString">The DocString argument, if any.</param>
/// <param name="Table">The DataTable argument, header row first, if any.</param>
/// <param name="Line">The step's line in the feature file.</param>
public sealed record GherkinStep(
    string Keyword,
    StepKind Kind,
    string Text,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? Table,
    int Line)
{
    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
