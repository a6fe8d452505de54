using System.Reflection;
using SyncLab.Gherkin.Cli;
using SyncLab.Gherkin.Reporting;

namespace SyncLab.Gherkin;

/// <summary>
/// Runs feature files from disk against a binding assembly, in-process and without recompiling, so a new
/// .feature made of existing steps can be run at once. Writes report.html, messages.ndjson and junit.xml.
/// </summary>
public static class GherkinCli
{
    /// <summary>The default report folder, relative to the current directory.</summary>
    public const string DefaultReportDirectory = ReportLocation.RelativeDirectory;

    /// <summary>Exit code when the command line or a path is wrong (nothing ran).</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Parses <c>[--tags EXPR] [--report-dir DIR] PATH...</c> and runs <see cref="RunAsync(IReadOnlyList{string}, string?, Assembly, string, TextWriter, CancellationToken)"/>.
    /// </summary>
    public static Task<int> RunAsync(
        IReadOnlyList<string> args,
        Assembly bindingAssembly,
        TextWriter output,
        CancellationToken cancellationToken = default)
    {
        var arguments = CliArguments.Parse(args, out var error);
        if (arguments is null)
        {
            output.WriteLine(error);
            return Task.FromResult(UsageError);
        }

        return RunAsync(arguments.FeaturePaths, arguments.TagExpression, bindingAssembly, arguments.ReportDirectory, output, cancellationToken);
    }

    /// <summary>
    /// Runs the scenarios of <paramref name="featurePaths"/> (files, or folders searched recursively) whose tags
    /// match <paramref name="tagExpression"/> (all when null), in file order. Prints one line per scenario and the
    /// summary line "N passed, N failed, N skipped"; writes the reports into <paramref name="reportDirectory"/>
    /// (relative to the current directory).
    /// </summary>
    /// <returns>0 when nothing failed, 1 when something failed, 2 when the arguments were wrong.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> featurePaths,
        string? tagExpression,
        Assembly bindingAssembly,
        string reportDirectory,
        TextWriter output,
        CancellationToken cancellationToken = default)
    {
        TagExpression filter;
        FeatureSet features;
        try
        {
            filter = TagExpression.Parse(tagExpression);
            features = FeatureSet.FromPaths(featurePaths, Environment.CurrentDirectory);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            output.WriteLine(ex.Message);
            return UsageError;
        }

        var report = new ConsoleReport(output);
        var tags = new TagTally();
        var results = new List<ScenarioResult>();
        var problems = new List<RunProblem>();
        var session = await StartSessionAsync(bindingAssembly, reportDirectory, problems, cancellationToken);
        if (session is not null)
        {
            try
            {
                foreach (var feature in features.Features)
                {
                    if (feature.ParseError is { } parseError)
                    {
                        problems.Add(new RunProblem(feature.Path, parseError));
                        continue;
                    }

                    foreach (var scenario in feature.Scenarios.Where(s => filter.Matches(s.Tags)))
                    {
                        var result = await session.RunAsync(scenario, cancellationToken: cancellationToken);
                        results.Add(result);
                        tags.Add(result);
                        report.Scenario(result);
                    }
                }
            }
            finally
            {
                await EndSessionAsync(session, problems);
            }
        }

        foreach (var problem in problems)
        {
            report.Problem(problem);
        }

        var directory = Path.GetFullPath(reportDirectory);
        JUnitReportWriter.Write(Path.Combine(directory, ReportFiles.JUnit), results, problems);
        tags.WriteFile(Path.Combine(directory, ReportFiles.Tags));
        output.WriteLine("Scenarios per tag:");
        output.Write(tags.Format());
        output.WriteLine($"Reports: {directory}");
        report.Summary();
        return report.Failed == 0 ? 0 : 1;
    }

    private static async Task<GherkinSession?> StartSessionAsync(
        Assembly bindingAssembly,
        string reportDirectory,
        List<RunProblem> problems,
        CancellationToken cancellationToken)
    {
        try
        {
            return await GherkinSession.StartAsync(bindingAssembly, reportDirectory, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add(new RunProblem("[BeforeTestRun] hooks", ex.ToString()));
            return null;
        }
    }

    private static async Task EndSessionAsync(GherkinSession session, List<RunProblem> problems)
    {
        try
        {
            await session.DisposeAsync();
        }
        catch (Exception ex)
        {
            problems.Add(new RunProblem("[AfterFeature] / [AfterTestRun] hooks", ex.ToString()));
        }
    }
}
