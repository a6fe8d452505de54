using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Reqnroll;
using Reqnroll.BoDi;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// Runs one scenario through Reqnroll's <see cref="ITestRunner"/> in the order Reqnroll's build-time generator
/// emits for a test method: take a runner, switch feature if needed, initialize and start the scenario, run each
/// step with its DocString and DataTable, collect the scenario's errors, end the scenario, release the runner.
/// </summary>
internal static class ScenarioExecutor
{
    public static async Task<ScenarioResult> RunAsync(
        GherkinScenario scenario,
        RunScope scope,
        ScenarioOutput output,
        Action<IObjectContainer>? registerScenarioServices,
        CancellationToken cancellationToken)
    {
        var featureInfo = scenario.Feature.FeatureInfo
            ?? throw new InvalidOperationException($"Feature '{scenario.Feature.Path}' was not parsed.");
        var started = Stopwatch.GetTimestamp();
        var state = new ScenarioRunState();

        try
        {
            await scope.EnsureRunStartedAsync();
        }
        catch (Exception ex)
        {
            state.SetupError = ex;
            return ScenarioResultBuilder.Build(scenario, state, Stopwatch.GetElapsedTime(started), output.Captured);
        }

        var runner = scope.AcquireRunner(featureInfo);
        try
        {
            await RunOnRunnerAsync(runner, scenario, featureInfo, output, registerScenarioServices, state, cancellationToken);
        }
        finally
        {
            try
            {
                // Runs [AfterScenario] hooks; a no-op when the scenario never got initialized.
                await runner.OnScenarioEndAsync();
            }
            catch (Exception ex)
            {
                state.EndError = ex;
            }
            finally
            {
                // Back to the pool, so a runner keeps its feature open for that feature's next scenario.
                TestRunnerManager.ReleaseTestRunner(runner);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ScenarioResultBuilder.Build(scenario, state, Stopwatch.GetElapsedTime(started), output.Captured);
    }

    private static async Task RunOnRunnerAsync(
        ITestRunner runner,
        GherkinScenario scenario,
        FeatureInfo featureInfo,
        ScenarioOutput output,
        Action<IObjectContainer>? registerScenarioServices,
        ScenarioRunState state,
        CancellationToken cancellationToken)
    {
        try
        {
            await SwitchFeatureAsync(runner, featureInfo);
        }
        catch (Exception ex)
        {
            state.SetupError = ex;
            return;
        }

        runner.OnScenarioInitialize(scenario.CreateScenarioInfo(), scenario.CreateRuleInfo());
        var context = runner.ScenarioContext;
        context.ScenarioContainer.RegisterInstanceAs(output);
        registerScenarioServices?.Invoke(context.ScenarioContainer);

        if (scenario.SkipReason is not null)
        {
            await runner.SkipScenarioAsync();
        }
        else
        {
            var mayContinue = await RunRecordedAsync(runner.OnScenarioStartAsync, context, state, "the [BeforeScenario] hooks", null);
            foreach (var step in scenario.Steps)
            {
                if (!mayContinue || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var place = $"step '{step}' ({scenario.Feature.Path}:{step.Line.ToString(CultureInfo.InvariantCulture)})";
                mayContinue = await RunRecordedAsync(() => RunStepAsync(runner, step), context, state, place, step);
            }
        }

        // Read before CollectScenarioErrorsAsync's hooks and OnScenarioEndAsync's cleanup change or drop it.
        state.TestError = context.TestError;
        try
        {
            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception ex)
        {
            state.CollectedError = ex;
            state.Observe(context, "the hooks after the last step");
        }
    }

    /// <summary>
    /// Runs a scenario part and notes it when the scenario stops passing there. A failing step normally does not
    /// throw (Reqnroll records the error and skips the remaining steps); with "stopAtFirstError" it rethrows the
    /// error it has already recorded, and the remaining steps are not run.
    /// </summary>
    /// <returns>Whether the next steps may run.</returns>
    private static async Task<bool> RunRecordedAsync(
        Func<Task> part,
        ScenarioContext context,
        ScenarioRunState state,
        string place,
        GherkinStep? step)
    {
        try
        {
            await part();
            return true;
        }
        catch (Exception) when (context.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
        {
            return false;
        }
        finally
        {
            state.Observe(context, place, step);
        }
    }

    /// <summary>
    /// The generated test initialization: a runner still holding another feature ends it first (its [AfterFeature]
    /// hooks run), a runner holding no feature starts this one. Features thus end when the next one starts;
    /// the last ones end with the run.
    /// </summary>
    private static async Task SwitchFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        Exception? previousFeatureEndError = null;
        try
        {
            if (runner.FeatureContext is { } current && !ReferenceEquals(current.FeatureInfo, featureInfo))
            {
                await runner.OnFeatureEndAsync();
            }
        }
        catch (Exception ex)
        {
            // As in the generated code, the failure of the previous feature's [AfterFeature] hook fails this
            // scenario, but only after this feature has started.
            previousFeatureEndError = ex;
        }

        if (runner.FeatureContext is { BeforeFeatureHookFailed: true } failed)
        {
            throw new ReqnrollException(
                $"Scenario skipped because a [BeforeFeature] hook of '{failed.FeatureInfo.Title}' failed: {failed.BeforeFeatureHookError.Message}");
        }

        if (runner.FeatureContext is null)
        {
            await runner.OnFeatureStartAsync(featureInfo);
        }

        if (previousFeatureEndError is not null)
        {
            ExceptionDispatchInfo.Throw(previousFeatureEndError);
        }
    }

    private static Task RunStepAsync(ITestRunner runner, GherkinStep step)
    {
        var table = ToTable(step.Table);
        return step.Kind switch
        {
            StepKind.Given => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.When => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.Then => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.But => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
        };
    }

    private static DataTable? ToTable(IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        if (rows is null || rows.Count == 0)
        {
            return null;
        }

        // As the generator does: the first row is the header.
        var table = new DataTable([.. rows[0]]);
        foreach (var row in rows.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }
}
