using System.Globalization;
using System.Text;
using SyncLab.Bench.Load;
using SyncLab.MirrorKit.Storage;

namespace SyncLab.Bench.Report;

/// <summary>Renders a run as the Markdown that is printed and committed (docs/bench/mirrors-latest.md).</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The process warm-up on the bare endpoint, in case warm-ups (see <see cref="MirrorsBenchmark"/>).</summary>
    private const int ProcessWarmUpFactor = MirrorsBenchmark.ProcessWarmUpFactor;

    /// <summary>Below this many measured requests a p99 says little; the table marks it.</summary>
    private const int FewSamples = 100;

    public static string Render(MirrorsBenchReport report)
    {
        var o = report.Options;
        var m = report.Machine;
        var s = new StringBuilder();
        Line(s, "# Mirror benchmark: requests/s and p99 per mirror, against bare Kestrel and WireMock.Net");
        Line(s);
        Line(s, "Produced by `synclab bench mirrors` (how to run it and read it: docs/benchmarks.md). Command of this run:");
        Line(s);
        Line(s, "```sh");
        Line(s, o.CommandLine);
        Line(s, "```");
        Line(s);
        Line(s, "| machine | |");
        Line(s, "|---|---|");
        Line(s, string.Create(Culture, $"| cores | {m.Cores} |"));
        Line(s, string.Create(Culture, $"| CPU | {m.Cpu} |"));
        Line(s, string.Create(Culture, $"| OS | {m.Os} |"));
        Line(s, string.Create(Culture, $"| .NET | {m.Runtime}, {m.Gc} GC |"));
        Line(s, string.Create(Culture, $"| build | {m.Build} |"));
        Line(s, string.Create(Culture, $"| load average (1/5/15 min) at start → end | {m.LoadAverage ?? "n/a"} → {report.LoadAverageAtEnd ?? "n/a"} |"));
        Line(s);
        Line(s, string.Create(Culture, $"Staging: {o.Skus:N0} SKUs (estate seed {o.Seed}), the four mirrors in this process on loopback, {StoreName(o.Store)}, " +
            $"business clock x{o.ClockRate}, engine not started (its first poll is a full sync that would load the mirrors), " +
            $"storefront query-cost throttle off (the other mirrors' rate limits are off by default). " +
            $"Started and seeded in {report.StagingStart.TotalSeconds:F1} s; finding ids for the cases over the vendor APIs took {report.CaseSetup.TotalSeconds:F1} s."));
        Line(s);
        Line(s, "| process memory | GC heap | working set |");
        Line(s, "|---|---:|---:|");
        Memory(s, "before the staging", report.BeforeStaging);
        Memory(s, "after seeding", report.AfterSeeding);
        Memory(s, "after the run (the mirrors after all writes; WireMock.Net servers already stopped)", report.AfterRun);
        Line(s);
        var load = o.Load;
        Line(s, string.Create(Culture, $"Load: {load.Workers} closed-loop workers on one HttpClient (a connection each), in this process; per case " +
            $"{load.WarmUp.TotalSeconds:0.##} s warm-up (not counted), then {load.Duration.TotalSeconds:0.##} s measured. " +
            $"Each request picks its SKU at random (seeded): from every item for ERP, POS and warehouse, from 250 sampled web items " +
            $"for the storefront, from the stubbed SKUs for the baselines. " +
            $"Latency is from sending to the last byte of the body. A request counts only if it is answered 2xx *and* the answer " +
            $"holds what was asked for (the SKU or id; for GraphQL no `errors` and no `userErrors`); anything else is an error and " +
            $"is left out of req/s and latencies. Before anything is measured the process is warmed up on the bare endpoint " +
            $"({load.WarmUp.TotalSeconds * ProcessWarmUpFactor:0.##} s per operation), so JIT tiering does not flatter later cases. " +
            $"Ratios divide by the mean of the two bare Kestrel runs of the same operation, measured first and last in this run " +
            $"(read by read, write by write): req/s × < 1 and p99 × > 1 mean slower than bare. The two bare rows' own ratios show " +
            $"how much the machine drifted during the run; differences of that size are noise."));
        Line(s);
        Line(s, "| target | op | request | ok | errors | req/s | req/s × bare | p50 ms | p99 ms | p99 × bare | max ms | bytes/answer |");
        Line(s, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Results)
        {
            var baseline = report.BaselineFor(r.Case.Operation);
            Line(s, string.Create(Culture, $"| {r.Case.Target} | {Op(r.Case.Operation)} | {r.Case.Request} | {r.Ok:N0} | {r.Errors:N0} | {r.RequestsPerSecond:N0} | " +
                $"{Ratio(r.RequestsPerSecond, baseline?.RequestsPerSecond)} | {Ms(r.P50)} | {Ms(r.P99)}{(r.Ok < FewSamples ? " †" : "")} | " +
                $"{Ratio(r.P99.TotalMilliseconds, baseline?.P99Milliseconds)} | {Ms(r.Max)} | {r.MeanResponseBytes:N0} |"));
        }
        if (report.Results.Any(r => r.Ok < FewSamples))
        {
            Line(s);
            Line(s, string.Create(Culture, $"† fewer than {FewSamples} requests were measured: that p99 is (close to) the slowest request; a longer `--duration` gives a real one."));
        }
        var failures = report.Results.Where(r => r.Errors > 0).Select(r => (r.Case.Name, Why: r.FirstError!))
            .Concat(report.Broken.Select(b => (b.Case.Name, Why: "not measured, its probe failed: " + b.Why))).ToList();
        if (failures.Count > 0)
        {
            Line(s);
            Line(s, "Errors (first of each case):");
            Line(s);
            foreach (var (name, why) in failures)
            {
                Line(s, string.Create(Culture, $"- {name}: `{why.Replace('`', '\'')}`"));
            }
        }
        return s.ToString();
    }

    private static void Memory(StringBuilder s, string when, MemorySample sample) =>
        Line(s, string.Create(Culture, $"| {when} | {sample.GcHeapBytes / 1048576.0:N0} MiB | {sample.WorkingSetBytes / 1048576.0:N0} MiB |"));

    private static string StoreName(StoreOptions store) => store.Kind switch
    {
        StoreKind.InMemory => "EF Core InMemory stores",
        StoreKind.Sqlite => "SQLite stores (a file per mirror)",
        _ => "PostgreSQL stores (a database per mirror)",
    };

    private static string Op(Operation operation) => operation == Operation.Read ? "read" : "write";

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString(span.TotalMilliseconds < 10 ? "0.00" : "0.0", Culture);

    /// <summary>Two decimals from 0.1 up, whole numbers from 100 up, and two significant digits below 0.1 (0.00047×, not 0.00×).</summary>
    internal static string Ratio(double value, double? baseline)
    {
        if (baseline is not > 0)
        {
            return "–";
        }
        var ratio = value / baseline.Value;
        var text = ratio switch
        {
            >= 100 => ratio.ToString("N0", Culture),
            >= 0.1 or <= 0 => ratio.ToString("0.00", Culture),
            _ => ratio.ToString("F" + ((int)Math.Ceiling(-Math.Log10(ratio)) + 1).ToString(Culture), Culture),
        };
        return text + "×";
    }

    private static void Line(StringBuilder s, string text = "") => s.Append(text).Append('\n');
}
