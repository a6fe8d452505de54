namespace SyncLab.Gherkin.Cli;

/// <summary>
/// The CLI's command line: <c>[--tags EXPR] [--report-dir DIR] PATH...</c>, where each PATH is a .feature file
/// or a folder searched for them.
/// </summary>
internal sealed record CliArguments(IReadOnlyList<string> FeaturePaths, string? TagExpression, string ReportDirectory)
{
    public const string Usage = """
        Runs Gherkin features against the project's step bindings.
        Usage: [--tags "<tag expression>"] [--report-dir <folder>] <feature file or folder>...
          --tags, -t        Cucumber tag expression, e.g. "@orders and not @manual", "(@a or @b) and not @c".
          --report-dir, -r  Where report.html, messages.ndjson and junit.xml go (default: artifacts/reqnroll).
        Prints one line per scenario and a summary; exits 0 only when nothing failed.
        """;

    /// <summary>Parses <paramref name="args"/>; returns <c>null</c> with <paramref name="error"/> set when they are wrong.</summary>
    public static CliArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var paths = new List<string>();
        string? tags = null;
        var reportDirectory = GherkinCli.DefaultReportDirectory;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--tags" or "-t" when i + 1 < args.Count:
                    tags = args[++i];
                    break;
                case "--report-dir" or "-r" when i + 1 < args.Count:
                    reportDirectory = args[++i];
                    break;
                case "--help" or "-h" or "-?":
                    error = Usage;
                    return null;
                case var option when option.StartsWith('-'):
                    error = $"Unknown option or missing value: {option}{Environment.NewLine}{Usage}";
                    return null;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            error = $"No feature file or folder given.{Environment.NewLine}{Usage}";
            return null;
        }

        return new CliArguments(paths, tags, reportDirectory);
    }
}
