using System.CommandLine;
using SyncLab.Gherkin;
using SyncLab.Specs.Drivers;

namespace SyncLab.Cli.Commands;

/// <summary>
/// <c>synclab test [paths] [--tags expr] [--target url]</c>: runs .feature files with the step bindings
/// this tool ships, in-process (a fresh staging per scenario) or against a running staging — no recompiling.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Feature files or folders", DefaultValueFactory = _ => ["specs"] };
        var tags = new Option<string?>("--tags") { Description = "Cucumber tag expression, e.g. \"@prices and not @manual\"" };
        var target = new Option<string?>("--target") { Description = "Engine URL of a running staging (e.g. http://127.0.0.1:5100); default: in-process" };
        var reports = new Option<string>("--report-dir") { Description = "Where report.html, messages.ndjson and junit.xml go", DefaultValueFactory = _ => GherkinCli.DefaultReportDirectory };
        var command = new Command("test", "Run Gherkin scenarios with SyncLab's steps") { paths, tags, target, reports };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(target) is { } text)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    await Console.Error.WriteLineAsync($"synclab test: --target must be an http(s) URL of a staging's engine, not '{text}'");
                    return 2;
                }
                // The drivers read the target from the environment so that steps stay unaware of where they run.
                Environment.SetEnvironmentVariable(StagingConnection.TargetVariable, url.ToString());
            }
            return await GherkinCli.RunAsync(
                result.GetValue(paths)!,
                result.GetValue(tags),
                typeof(StagingConnection).Assembly,
                result.GetValue(reports)!,
                Console.Out,
                ct);
        });
        return command;
    }
}
