namespace SyncLab.Gherkin.Tests.Bindings;

/// <summary>State shared by two step classes through Reqnroll's context injection.</summary>
public sealed class SharedCounter
{
    public int Value { get; set; }
}
