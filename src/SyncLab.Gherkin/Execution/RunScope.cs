using System.Collections.Concurrent;
using System.Reflection;
using Reqnroll;
using SyncLab.Gherkin.Reporting;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// One Reqnroll test run: the assembly Reqnroll treats as the test assembly (its runner manager is kept per
/// assembly), the container builder that configures it, and the run's start and end.
/// </summary>
internal sealed class RunScope
{
    private static readonly ConcurrentDictionary<Assembly, RunScope> TestRunScopes = new();

    private readonly Lazy<Task> _runStarted;

    private RunScope(Assembly testAssembly, SessionSettings? session)
    {
        ReqnrollProcessSettings.Apply();
        TestAssembly = testAssembly;
        ContainerBuilder = new AdapterContainerBuilder(session);
        _runStarted = new Lazy<Task>(() => TestRunnerManager.OnTestRunStartAsync(TestAssembly, ContainerBuilder));
    }

    /// <summary>The assembly Reqnroll considers the test assembly of this run.</summary>
    public Assembly TestAssembly { get; }

    public AdapterContainerBuilder ContainerBuilder { get; }

    /// <summary>
    /// The run of a test framework (xUnit): the binding assembly is Reqnroll's test assembly, reports go where
    /// reqnroll.json says, and the run ends with Reqnroll's own process-exit cleanup (which writes the reports).
    /// One scope per binding assembly for the whole process, shared by every test thread.
    /// </summary>
    public static RunScope ForTestRun(Assembly bindingAssembly) =>
        TestRunScopes.GetOrAdd(bindingAssembly, assembly =>
        {
            ReportLocation.EnsureDirectoryVariable();
            return new RunScope(assembly, session: null);
        });

    /// <summary>
    /// A self-contained run that ends (and writes its reports) when the caller says so. Reqnroll keeps one runner
    /// manager per test assembly and ending a run disposes it, so a session cannot use the binding assembly as its
    /// test assembly without tearing down a test framework's run of the same bindings in the same process.
    /// It uses this adapter's assembly instead (it holds no bindings) and loads the binding assembly as a step
    /// assembly. Sessions therefore run one at a time (see <see cref="GherkinSession"/>).
    /// </summary>
    public static RunScope ForSession(Assembly bindingAssembly, string reportDirectory) =>
        new(typeof(RunScope).Assembly, new SessionSettings(bindingAssembly, reportDirectory));

    /// <summary>Fires Reqnroll's test run start (BeforeTestRun hooks, formatter start) once per scope.</summary>
    public Task EnsureRunStartedAsync() => _runStarted.Value;

    /// <summary>A test runner for one scenario, preferably the one that last ran <paramref name="featureHint"/>.</summary>
    public ITestRunner AcquireRunner(FeatureInfo featureHint) =>
        TestRunnerManager.GetTestRunnerForAssembly(TestAssembly, ContainerBuilder, featureHint);

    /// <summary>Ends the run: open features end, AfterTestRun hooks run, formatters write their files.</summary>
    public Task EndRunAsync() => TestRunnerManager.OnTestRunEndAsync(TestAssembly, ContainerBuilder);
}
