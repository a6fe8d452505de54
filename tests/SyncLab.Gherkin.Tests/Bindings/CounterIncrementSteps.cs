using Reqnroll;

namespace SyncLab.Gherkin.Tests.Bindings;

/// <summary>A second step class: it sees the counter the first one set only if both get the same injected instance.</summary>
[Binding]
public sealed class CounterIncrementSteps(SharedCounter counter)
{
    [When("another step class adds {int} to the shared counter")]
    public void WhenAnotherStepClassAdds(int amount) => counter.Value += amount;
}
