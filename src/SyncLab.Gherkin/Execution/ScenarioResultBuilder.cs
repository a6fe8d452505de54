using System.Text;
using Reqnroll;
using SyncLab.Gherkin.Plugin;

namespace SyncLab.Gherkin.Execution;

/// <summary>Turns what the executor observed into an outcome and a message that names the culprit.</summary>
internal static class ScenarioResultBuilder
{
    public static ScenarioResult Build(GherkinScenario scenario, ScenarioRunState state, TimeSpan duration, string output)
    {
        var (outcome, message, step, error) = Judge(scenario, state);
        return new ScenarioResult(scenario, outcome, message, step, error, duration, output);
    }

    private static (ScenarioOutcome, string?, GherkinStep?, Exception?) Judge(GherkinScenario scenario, ScenarioRunState state)
    {
        var header = $"Scenario '{scenario.DisplayName}' ({scenario.Location})";

        // Planned skips (@manual) run none of their steps or scenario hooks, so nothing of theirs can fail.
        if (scenario.SkipReason is { } skipReason)
        {
            return (ScenarioOutcome.Skipped, skipReason, null, null);
        }

        if (state.SetupError is { } setupError)
        {
            return Failed($"{header} could not start (a [BeforeTestRun] or [BeforeFeature] hook, or the previous feature's [AfterFeature] hook, failed):", null, setupError);
        }

        if (state.FirstFailure is { } failure)
        {
            // Reqnroll's collected verdict lists every undefined or pending step; for errors the step's own exception is best.
            var error = failure.Status is ScenarioExecutionStatus.UndefinedStep or ScenarioExecutionStatus.StepDefinitionPending
                ? state.CollectedError ?? state.TestError
                : state.TestError ?? state.CollectedError;
            var what = failure.Status switch
            {
                ScenarioExecutionStatus.StepDefinitionPending => "has a pending",
                ScenarioExecutionStatus.UndefinedStep => "has an undefined",
                ScenarioExecutionStatus.BindingError => "cannot bind",
                ScenarioExecutionStatus.Skipped when error is ScenarioIgnoredException => null,
                _ => "failed at",
            };
            if (what is null)
            {
                return (ScenarioOutcome.Skipped, $"{header} was skipped at run time by {failure.Description}: {error!.Message}", failure.Step, error);
            }

            var place = failure.Step is null ? $"failed in {failure.Description}" : $"{what} {failure.Description}";
            return Failed($"{header} {place}:", failure.Step, error);
        }

        if (state.CollectedError is { } collected)
        {
            return Failed($"{header} failed after its last step:", null, state.TestError ?? collected);
        }

        if (state.EndError is { } endError)
        {
            return Failed($"{header} failed in its [AfterScenario] hooks:", null, endError);
        }

        return (ScenarioOutcome.Passed, null, null, null);

        static (ScenarioOutcome, string?, GherkinStep?, Exception?) Failed(string headline, GherkinStep? step, Exception? error) =>
            (ScenarioOutcome.Failed, Describe(headline, error), step, error);
    }

    private static string Describe(string headline, Exception? error)
    {
        var text = new StringBuilder(headline).AppendLine();
        text.Append(error switch
        {
            null => "(Reqnroll reported no error.)",
            // Reqnroll's own verdicts (undefined step skeletons, pending step lists) read best without a type name.
            ReqnrollException reqnroll => reqnroll.Message,
            _ => $"{error.GetType().Name}: {error.Message}",
        });
        return text.ToString();
    }
}
