using SyncLab.Bench.Load;
using SyncLab.MirrorKit.Storage;

namespace SyncLab.Bench;

/// <summary>What <c>synclab bench mirrors</c> measures and how hard.</summary>
public sealed record MirrorsBenchOptions
{
    /// <summary>Items in the estate the staging is seeded with.</summary>
    public int Skus { get; init; } = 50_000;

    /// <summary>Seeds the estate and every worker's choice of SKUs.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Business seconds per real second (0 = frozen); writes work either way.</summary>
    public double ClockRate { get; init; } = 1;

    /// <summary>WireMock.Net servers to compare with, by number of mappings (half reads, half writes).</summary>
    public IReadOnlyList<int> WireMockMappings { get; init; } = [10, 500];

    /// <summary>Only cases whose name contains one of these (case-insensitive); the bare baseline always runs. Empty: all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Where the mirrors keep their state (a SQLite store gets a throw-away folder unless it names one).</summary>
    public StoreOptions Store { get; init; } = StoreOptions.InMemory;

    public LoadOptions Load { get; init; } = new();

    /// <summary>How the run was started, printed in the report so it can be repeated.</summary>
    public string CommandLine { get; init; } = "synclab bench mirrors";
}
