using Reqnroll;
using Xunit;

namespace SyncLab.Gherkin.Tests.Bindings;

[Binding]
public sealed class CounterSteps(SharedCounter counter)
{
    [Given("the shared counter is {int}")]
    public void GivenTheSharedCounterIs(int value) => counter.Value = value;

    [Then("the shared counter is {int}")]
    public void ThenTheSharedCounterIs(int value) => Assert.Equal(value, counter.Value);
}
