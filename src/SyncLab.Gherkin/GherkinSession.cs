using System.Reflection;
using SyncLab.Gherkin.Execution;

namespace SyncLab.Gherkin;

/// <summary>
/// A self-contained Reqnroll test run over a binding assembly, with its own reports: the HTML report and the
/// Cucumber messages are written into <see cref="ReportDirectory"/> when the session is disposed.
/// Sessions run one at a time per process (starting a second one waits for the first to end).
/// The CLI runs through a session; tests can use one to run scenarios that are meant to fail.
/// </summary>
public sealed class GherkinSession : IAsyncDisposable
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly RunScope _scope;
    private bool _disposed;

    private GherkinSession(RunScope scope, string reportDirectory)
    {
        _scope = scope;
        ReportDirectory = reportDirectory;
    }

    /// <summary>Where report.html and messages.ndjson are written.</summary>
    public string ReportDirectory { get; }

    /// <summary>Starts a run: Reqnroll's runtime starts and the [BeforeTestRun] hooks run.</summary>
    /// <exception cref="Exception">Whatever a [BeforeTestRun] hook threw; the session is then not started.</exception>
    public static async Task<GherkinSession> StartAsync(
        Assembly bindingAssembly,
        string reportDirectory,
        CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(reportDirectory);
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(directory);
            var scope = RunScope.ForSession(bindingAssembly, directory);
            var session = new GherkinSession(scope, directory);
            try
            {
                await scope.EnsureRunStartedAsync();
            }
            catch
            {
                // The runtime exists even though the start failed: end it so the next session starts clean.
                // The start error is the one to report, so an error while ending is dropped.
                try
                {
                    await scope.EndRunAsync();
                }
                catch (Exception)
                {
                }

                throw;
            }

            return session;
        }
        catch
        {
            OneAtATime.Release();
            throw;
        }
    }

    /// <summary>Runs one scenario. <paramref name="output"/> receives Reqnroll's step trace as it is written.</summary>
    public Task<ScenarioResult> RunAsync(
        GherkinScenario scenario,
        Action<string>? output = null,
        CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ScenarioExecutor.RunAsync(scenario, _scope, new ScenarioOutput(output), null, cancellationToken);
    }

    /// <summary>
    /// Ends the run: open features end ([AfterFeature]), [AfterTestRun] hooks run, the reports are written.
    /// Throws what those hooks threw, after the reports are written.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _scope.EndRunAsync();
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
