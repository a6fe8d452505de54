using System.Diagnostics;
using System.Globalization;
using SyncLab.Bench.Load;
using SyncLab.Bench.Mirrors;
using SyncLab.Bench.Report;
using SyncLab.Bench.Targets;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Bench;

/// <summary>
/// <c>synclab bench mirrors</c> in one process run: seeds a staging, then drives a read and a write on each
/// mirror's vendor surface and the same warehouse read and write on the baselines (bare Kestrel first and
/// last, WireMock.Net with few and many mappings), all with one load generator, one case after another.
/// </summary>
public static class MirrorsBenchmark
{
    public const string BareTarget = "kestrel (bare)";

    /// <summary>
    /// The process warm-up, in case warm-ups per operation: measured on this machine, a bare run right after
    /// start-up was about half as fast as one a minute later (JIT tiering), which flattered every ratio.
    /// </summary>
    public const int ProcessWarmUpFactor = 3;

    public static async Task<MirrorsBenchReport> RunAsync(MirrorsBenchOptions options, TextWriter progress, CancellationToken ct = default)
    {
        var machine = MachineInfo.Capture();
        var beforeStaging = MemorySample.Take();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: seeding a staging of {options.Skus:N0} SKUs..."));
        var started = Stopwatch.GetTimestamp();
        await using var staging = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = options.Seed,
            Skus = options.Skus,
            BasePort = 0,
            ClockRate = options.ClockRate,
            StartEngine = false,
            MirrorStore = options.Store,
            VendorThrottling = false,
            // The WireMock.Net stand-ins for tax, carrier and address are not measured; they would only add to the memory figures.
            ForeignServices = new ForeignServicesOptions { Enabled = false },
        }, logs: null, ct);
        var stagingStart = Stopwatch.GetElapsedTime(started);
        var afterSeeding = MemorySample.Take();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: staging up in {stagingStart.TotalSeconds:F1} s; GC heap {afterSeeding.GcHeapBytes / 1048576.0:N0} MiB, working set {afterSeeding.WorkingSetBytes / 1048576.0:N0} MiB"));

        started = Stopwatch.GetTimestamp();
        using var setup = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var address = staging.Addresses;
        var stubbedSkus = options.WireMockMappings.DefaultIfEmpty(2).Max() / 2;
        async Task<T> TimedAsync<T>(string mirror, Func<Task<T>> setUp)
        {
            var began = Stopwatch.GetTimestamp();
            var made = await setUp();
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {mirror} cases set up in {Stopwatch.GetElapsedTime(began).TotalSeconds:F1} s"));
            return made;
        }
        var (warehouse, stubs) = await TimedAsync("warehouse", () => WarehouseCases.CreateAsync(address["warehouse"], staging.Estate, stubbedSkus, options.Seed, setup, ct));
        var mirrors = new List<BenchCase>();
        mirrors.AddRange(await TimedAsync("erp", () => ErpCases.CreateAsync(address["erp"], setup, ct)));
        mirrors.AddRange(await TimedAsync("storefront", () => StorefrontCases.CreateAsync(address["storefront"], staging.Estate, pool: 250, options.Seed, setup, ct)));
        mirrors.AddRange(await TimedAsync("pos", () => PosCases.CreateAsync(address["pos"], staging.Estate, staging.Clock.GetUtcNow(), setup, ct)));
        mirrors.AddRange(warehouse);
        var caseSetup = Stopwatch.GetElapsedTime(started);

        await using var bare = await BareEndpoint.StartAsync(stubs, ct: ct);
        var results = new List<LoadResult>();
        var broken = new List<BrokenCase>();
        using var runner = new LoadRunner(options.Load);
        async Task MeasureAsync(IEnumerable<BenchCase> cases)
        {
            foreach (var benchCase in cases.Where(c => c.Target.StartsWith(BareTarget, StringComparison.Ordinal) || Selected(options, c.Name)))
            {
                if (await runner.ProbeAsync(benchCase, ct) is { } why)
                {
                    broken.Add(new BrokenCase(benchCase, why));
                    progress.WriteLine($"bench: {benchCase.Name}: BROKEN, not measured: {why}");
                    continue;
                }
                var result = await runner.RunAsync(benchCase, ct);
                results.Add(result);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench: {benchCase.Name,-42} {result.RequestsPerSecond,8:N0} req/s  p50 {result.P50.TotalMilliseconds,8:F2} ms  p99 {result.P99.TotalMilliseconds,8:F2} ms  errors {result.Errors}"));
            }
        }

        var bareCases = BaselineCases.For(BareTarget, bare.Address, stubs.Skus, stubs.LocationId);
        foreach (var benchCase in bareCases)
        {
            await runner.WarmUpAsync(benchCase, options.Load.WarmUp * ProcessWarmUpFactor, ct);
        }
        await MeasureAsync(bareCases);
        foreach (var mappings in options.WireMockMappings)
        {
            var target = $"WireMock.Net, {mappings} mappings";
            if (!Selected(options, target + " read") && !Selected(options, target + " write"))
            {
                continue;
            }
            // One WireMock.Net server at a time, gone before the mirrors run: its request log (on by default,
            // unbounded) must not weigh on the mirrors' figures or on the memory measured after them.
            using var wireMock = WireMockStubs.Start(stubs, mappings);
            await MeasureAsync(BaselineCases.For(target, wireMock.Address, wireMock.Skus, stubs.LocationId));
        }
        await MeasureAsync(mirrors);
        await MeasureAsync(BaselineCases.For(BareTarget + ", again", bare.Address, stubs.Skus, stubs.LocationId));
        var afterRun = MemorySample.Take();
        return new MirrorsBenchReport(options, machine, MachineInfo.LoadAverageNow(), stagingStart, caseSetup, beforeStaging, afterSeeding, afterRun, results, broken);
    }

    private static bool Selected(MirrorsBenchOptions options, string caseName) =>
        options.Only.Count == 0 || options.Only.Any(o => caseName.Contains(o, StringComparison.OrdinalIgnoreCase));
}
