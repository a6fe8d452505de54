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
    /// <summary>
    /// What ratios divide by: the mean of the bare Kestrel runs of the same operation in this run (measured first
    /// and last, so a machine that drifts during the run moves the baseline with it).
    /// </summary>
    public (double RequestsPerSecond, double P99Milliseconds)? BaselineFor(Operation operation)
    {
        var bare = Results.Where(r => r.Case.Target.StartsWith(MirrorsBenchmark.BareTarget, StringComparison.Ordinal) && r.Case.Operation == operation).ToList();
        return bare.Count == 0 ? null : (bare.Average(r => r.RequestsPerSecond), bare.Average(r => r.P99.TotalMilliseconds));
    }
}
