namespace SyncLab.Gherkin.Tests.Bindings;

/// <summary>What the [BeforeScenario] hook saw; injected into the hook and the steps of the same scenario.</summary>
public sealed class HookRecord
{
    public string? PreparedScenario { get; set; }
}
