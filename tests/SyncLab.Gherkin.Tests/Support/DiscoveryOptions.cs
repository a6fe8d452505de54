using Xunit.Abstractions;

namespace SyncLab.Gherkin.Tests.Support;

/// <summary>Discovery options with every setting at its default, for calling a discoverer directly.</summary>
public sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
{
    public TValue GetValue<TValue>(string name) => default!;

    public void SetValue<TValue>(string name, TValue value)
    {
    }
}
