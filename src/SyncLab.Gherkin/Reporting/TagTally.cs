using System.Globalization;
using System.Text;

namespace SyncLab.Gherkin.Reporting;

/// <summary>How the scenarios carrying one tag ended (inherited tags count: a feature's tag counts each of its scenarios).</summary>
public sealed record TagCount(string Tag, int Scenarios, int Passed, int Failed, int Skipped);

/// <summary>
/// Scenarios per tag, and how they ended, for the run report: the coverage contract is made of tags (one per
/// process, plus the kind of case), so a run says how many scenarios each has and whether they passed.
/// The CLI prints it and writes it next to its other reports; an xUnit run writes it after every scenario
/// (<see cref="ForTestRun"/>), so the file is complete whenever the run stops.
/// </summary>
public sealed class TagTally
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>The tally of the scenarios an xUnit run in this process has executed.</summary>
    public static TagTally ForTestRun { get; } = new();

    public void Add(ScenarioResult result) => Add(result.Scenario.Tags, result.Outcome);

    public void Add(IEnumerable<string> tags, ScenarioOutcome outcome)
    {
        lock (_gate)
        {
            _total++;
            foreach (var tag in tags.Distinct(StringComparer.Ordinal))
            {
                if (!_counts.TryGetValue(tag, out var counts))
                {
                    _counts[tag] = counts = new int[3];
                }
                counts[(int)outcome]++;
            }
        }
    }

    /// <summary>One row per tag, in tag order.</summary>
    public IReadOnlyList<TagCount> Counts()
    {
        lock (_gate)
        {
            return _counts.Select(c => Row(c.Key, c.Value)).ToList();
        }
    }

    /// <summary>A table: a header, one line per tag, and a line for every scenario.</summary>
    public string Format()
    {
        int total;
        IReadOnlyList<TagCount> rows;
        lock (_gate)
        {
            total = _total;
            rows = _counts.Select(c => Row(c.Key, c.Value)).ToList();
        }
        var width = Math.Max(12, rows.Select(r => r.Tag.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"tag".PadRight(width)}  scenarios  passed  failed  skipped");
        foreach (var row in rows)
        {
            text.AppendLine(Line(row, width));
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"{"(all)".PadRight(width)}  {total,9}");
        return text.ToString();
    }

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/> (created with its folder, replaced whole).</summary>
    public void WriteFile(string path)
    {
        var text = Format();
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
    }

    private static TagCount Row(string tag, int[] counts) =>
        new(tag, counts.Sum(), counts[(int)ScenarioOutcome.Passed], counts[(int)ScenarioOutcome.Failed], counts[(int)ScenarioOutcome.Skipped]);

    private static string Line(TagCount row, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{row.Tag.PadRight(width)}  {row.Scenarios,9}  {row.Passed,6}  {row.Failed,6}  {row.Skipped,7}");
}
