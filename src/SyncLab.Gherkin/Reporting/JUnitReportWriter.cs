using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SyncLab.Gherkin.Cli;

namespace SyncLab.Gherkin.Reporting;

/// <summary>
/// Writes a JUnit XML report (the format CI servers read): one testsuite per feature, one testcase per scenario,
/// plus a testcase for each run-level problem (unparsable file, failing run hook).
/// </summary>
internal static class JUnitReportWriter
{
    public static void Write(string path, IReadOnlyList<ScenarioResult> results, IReadOnlyList<RunProblem> problems)
    {
        var suites = results
            .GroupBy(r => r.Scenario.Feature)
            .Select(g => Suite(g.Key.Title, g.Key.Path, g.Select(Case).ToList()))
            .ToList();
        if (problems.Count > 0)
        {
            suites.Add(Suite("Run problems", null, problems.Select(Case).ToList()));
        }

        var root = new XElement(
            "testsuites",
            new XAttribute("name", "SyncLab Gherkin"),
            Counts(suites.SelectMany(s => s.Elements("testcase")).ToList()),
            suites);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // UTF-8 without a byte order mark: some CI readers choke on one.
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement Suite(string name, string? file, IReadOnlyList<XElement> cases) =>
        new(
            "testsuite",
            new XAttribute("name", name),
            file is null ? null : new XAttribute("file", file),
            Counts(cases),
            cases);

    private static XElement Case(ScenarioResult result)
    {
        var scenario = result.Scenario;
        return new XElement(
            "testcase",
            new XAttribute("classname", scenario.Feature.Title),
            new XAttribute("name", scenario.DisplayName),
            new XAttribute("file", scenario.Feature.Path),
            new XAttribute("line", scenario.Line),
            new XAttribute("time", Seconds(result.Duration)),
            result.Outcome switch
            {
                ScenarioOutcome.Failed => new XElement(
                    "failure",
                    new XAttribute("message", FirstLine(result.Message)),
                    new XAttribute("type", result.Error?.GetType().FullName ?? "ScenarioFailed"),
                    Details(result)),
                ScenarioOutcome.Skipped => new XElement("skipped", new XAttribute("message", result.Message ?? string.Empty)),
                _ => null,
            },
            string.IsNullOrEmpty(result.Output) ? null : new XElement("system-out", result.Output));
    }

    private static XElement Case(RunProblem problem) =>
        new(
            "testcase",
            new XAttribute("classname", "Run problems"),
            new XAttribute("name", problem.Name),
            new XAttribute("time", "0"),
            new XElement("failure", new XAttribute("message", FirstLine(problem.Message)), problem.Message));

    private static XAttribute[] Counts(IReadOnlyCollection<XElement> cases) =>
    [
        new("tests", cases.Count),
        new("failures", cases.Count(c => c.Element("failure") is not null)),
        new("skipped", cases.Count(c => c.Element("skipped") is not null)),
        new("time", Seconds(TimeSpan.FromSeconds(cases.Sum(c => double.Parse((string)c.Attribute("time")!, CultureInfo.InvariantCulture))))),
    ];

    private static string Details(ScenarioResult result) =>
        result.Error?.StackTrace is { } stackTrace ? $"{result.Message}{Environment.NewLine}{stackTrace}" : result.Message ?? string.Empty;

    private static string FirstLine(string? text) => text?.ReplaceLineEndings("\n").Split('\n')[0] ?? string.Empty;

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
