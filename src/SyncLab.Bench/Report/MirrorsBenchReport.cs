using SyncLab.Bench.Load;

namespace SyncLab.Bench.Report;

/// <summary>A case that could not be measured: its probe request already failed.</summary>
public sealed record BrokenCase(BenchCase Case, string Why);

/// <summary>Everything one run of <c>synclab bench mirrors</c> found, in the order it was measured.</summary>
public sealed record MirrorsBenchReport(
    MirrorsBenchOptions Options,
    MachineInfo Machine,
    string? LoadAverageAtEnd,
    TimeSpan StagingStart,
    TimeSpan CaseSetup,
    MemorySample BeforeStaging,
    MemorySample AfterSeeding,
    MemorySample AfterRun,
    IReadOnlyList<LoadResult> Results,
    IReadOnlyList<BrokenCase> Broken)
{
    /// <summary>The bare Kestrel result of the same operation measured first in this run: what ratios divide by.</summary>
    public LoadResult? BaselineFor(Operation operation) =>
        Results.FirstOrDefault(r => r.Case.Target == MirrorsBenchmark.BareTarget && r.Case.Operation == operation);
}
