using System.Diagnostics;

namespace SyncLab.Bench.Load;

/// <summary>
/// What one case measured. Latencies are of successful requests only, from just before sending to the last
/// byte of the body, in <see cref="Stopwatch"/> ticks, sorted; errors are counted apart and never make a case faster.
/// </summary>
public sealed class LoadResult(BenchCase benchCase, long[] sortedLatencies, long errors, TimeSpan elapsed, long responseBytes, string? firstError)
{
    public BenchCase Case { get; } = benchCase;

    public long Ok => sortedLatencies.Length;

    public long Errors { get; } = errors;

    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Successful requests per second of the measured interval.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Ok / Elapsed.TotalSeconds : 0;

    public double MeanResponseBytes => Ok == 0 ? 0 : (double)responseBytes / Ok;

    /// <summary>Status and start of the body of the first failed request, to tell why a case has errors.</summary>
    public string? FirstError { get; } = firstError;

    public TimeSpan P50 => Percentile(0.50);

    public TimeSpan P99 => Percentile(0.99);

    public TimeSpan Max => sortedLatencies.Length == 0 ? TimeSpan.Zero : Ticks(sortedLatencies[^1]);

    /// <summary>Nearest-rank percentile: the smallest latency at or above which a share <paramref name="q"/> of requests lie.</summary>
    public TimeSpan Percentile(double q)
    {
        if (sortedLatencies.Length == 0)
        {
            return TimeSpan.Zero;
        }
        var rank = (int)Math.Ceiling(q * sortedLatencies.Length);
        return Ticks(sortedLatencies[Math.Clamp(rank - 1, 0, sortedLatencies.Length - 1)]);
    }

    private static TimeSpan Ticks(long stopwatchTicks) => TimeSpan.FromSeconds((double)stopwatchTicks / Stopwatch.Frequency);
}
