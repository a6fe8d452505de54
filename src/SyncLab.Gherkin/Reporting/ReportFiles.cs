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
}
