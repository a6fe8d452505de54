using Reqnroll;

namespace SyncLab.Gherkin.Tests.Bindings;

[Binding]
public sealed class SampleHooks
{
    public const string FailingHookMessage = "The failing-hook hook failed on purpose.";

    [BeforeScenario]
    public static void RecordScenario(ScenarioContext scenarioContext, HookRecord record, IReqnrollOutputHelper output)
    {
        record.PreparedScenario = scenarioContext.ScenarioInfo.Title;
        output.WriteLine($"[BeforeScenario] hook ran for '{record.PreparedScenario}'");
    }

    [BeforeScenario("failing-hook")]
    public static void FailOnPurpose() => throw new InvalidOperationException(FailingHookMessage);
}
