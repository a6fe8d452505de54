namespace SyncLab.Gherkin.Reporting;

/// <summary>The file names written into a report folder.</summary>
public static class ReportFiles
{
    /// <summary>Reqnroll's HTML report.</summary>
    public const string Html = "report.html";

    /// <summary>Cucumber messages, one JSON envelope per line.</summary>
    public const string Messages = "messages.ndjson";

    /// <summary>JUnit XML, written by the CLI.</summary>
    public const string JUnit = "junit.xml";

    /// <summary>Scenarios per tag and how they ended (<see cref="TagTally"/>), written by the CLI.</summary>
    public const string Tags = "tags.txt";

    /// <summary>
    /// The same table from an xUnit run, named by its test assembly (e.g. <c>SyncLab.Acceptance.tags.txt</c>):
    /// test projects run at once and share the report folder.
    /// </summary>
    public static string TagsOf(string testAssemblyName) => $"{testAssemblyName}.tags.txt";
}
