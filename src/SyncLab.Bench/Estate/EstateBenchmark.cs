using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SyncLab.Bench.Report;
using SyncLab.Estate;
using SyncLab.MirrorKit.Storage;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Bench.Estate;

/// <summary>What <c>synclab bench estate</c> measures: generating an estate of a size, and loading it into the mirrors.</summary>
public sealed record EstateBenchOptions
{
    public int Skus { get; init; } = 1_000_000;

    public int Seed { get; init; } = 42;

    /// <summary>Also start the four mirrors on the estate (engine off) and time their seeding.</summary>
    public bool SeedMirrors { get; init; } = true;

    public StoreOptions Store { get; init; } = StoreOptions.InMemory;

    public string CommandLine { get; init; } = "synclab bench estate";
}

/// <summary>One run's figures.</summary>
public sealed record EstateBenchReport(
    EstateBenchOptions Options,
    MachineInfo Machine,
    TimeSpan Generation,
    TimeSpan SecondGeneration,
    long AllocatedBytes,
    MemorySample AfterGeneration,
    string Fingerprint,
    bool Identical,
    EstateCounts Counts,
    TimeSpan? MirrorSeeding,
    MemorySample? AfterMirrors);

public sealed record EstateCounts(int Items, int WebItems, int Customers, int StockLevels, int PriceListLines);

/// <summary>
/// Generates the estate twice with the same seed (time, memory, and a SHA-256 over its JSON to show the two are
/// byte-identical), then optionally seeds a staging's four mirrors with it.
/// </summary>
public static class EstateBenchmark
{
    public static async Task<EstateBenchReport> RunAsync(EstateBenchOptions options, TextWriter progress, CancellationToken ct = default)
    {
        var machine = MachineInfo.Capture();
        var estateOptions = new EstateOptions { Seed = options.Seed, Skus = options.Skus };
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: generating an estate of {options.Skus:N0} SKUs (seed {options.Seed})..."));

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var estate = EstateGenerator.Generate(estateOptions);
        var generation = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var afterGeneration = MemorySample.Take();
        var fingerprint = Fingerprint(estate);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: generated in {generation.TotalSeconds:F1} s; fingerprint {fingerprint[..16]}"));

        started = Stopwatch.GetTimestamp();
        var again = EstateGenerator.Generate(estateOptions);
        var secondGeneration = Stopwatch.GetElapsedTime(started);
        var identical = Fingerprint(again) == fingerprint;
        again = null;
        var counts = new EstateCounts(
            estate.Items.Count, estate.Items.Count(i => i.WebEnabled), estate.Customers.Count, estate.Stock.Count, estate.PriceLists.Sum(p => p.Lines.Count));

        TimeSpan? seeding = null;
        MemorySample? afterMirrors = null;
        if (options.SeedMirrors)
        {
            progress.WriteLine("bench: seeding the four mirrors...");
            started = Stopwatch.GetTimestamp();
            await using var staging = await StagingHost.StartAsync(new StagingOptions
            {
                Seed = options.Seed,
                Skus = options.Skus,
                BasePort = 0,
                ClockRate = 0,
                StartEngine = false,
                MirrorStore = options.Store,
                ForeignServices = new ForeignServicesOptions { Enabled = false },
            }, logs: null, ct);
            seeding = Stopwatch.GetElapsedTime(started);
            afterMirrors = MemorySample.Take();
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: mirrors seeded in {seeding.Value.TotalSeconds:F1} s"));
        }
        GC.KeepAlive(estate);
        return new EstateBenchReport(options, machine, generation, secondGeneration, allocated, afterGeneration, fingerprint, identical, counts, seeding, afterMirrors);
    }

    /// <summary>SHA-256 over the estate's JSON, streamed so a 1M-SKU estate is not held twice as text.</summary>
    private static string Fingerprint(BusinessEstate estate)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sink = new HashingStream(hash);
        JsonSerializer.Serialize(sink, estate);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Render(EstateBenchReport r)
    {
        var c = CultureInfo.InvariantCulture;
        static string MiB(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);
        var s = new StringBuilder();
        s.AppendLine("# Estate benchmark: generating and seeding an estate");
        s.AppendLine();
        s.AppendLine(c, $"Produced by `{r.Options.CommandLine}` (how to run it: docs/benchmarks.md).");
        s.AppendLine();
        s.AppendLine("| machine | |");
        s.AppendLine("|---|---|");
        s.AppendLine(c, $"| cores | {r.Machine.Cores} |");
        s.AppendLine(c, $"| CPU | {r.Machine.Cpu} |");
        s.AppendLine(c, $"| .NET | {r.Machine.Runtime}, {r.Machine.Gc} GC |");
        s.AppendLine(c, $"| build | {r.Machine.Build} |");
        s.AppendLine(c, $"| load average (1/5/15 min) at start → end | {r.Machine.LoadAverage ?? "n/a"} → {MachineInfo.LoadAverageNow() ?? "n/a"} |");
        s.AppendLine();
        s.AppendLine(c, $"Estate: seed {r.Options.Seed}, {r.Counts.Items:N0} items ({r.Counts.WebItems:N0} on the web), {r.Counts.Customers:N0} customers, {r.Counts.StockLevels:N0} stock levels, {r.Counts.PriceListLines:N0} price-list lines.");
        s.AppendLine();
        s.AppendLine("| step | time | memory |");
        s.AppendLine("|---|---:|---|");
        s.AppendLine(c, $"| generate (first, JIT included) | {r.Generation.TotalSeconds:F1} s | {MiB(r.AllocatedBytes)} MiB allocated; GC heap after {MiB(r.AfterGeneration.GcHeapBytes)} MiB, working set {MiB(r.AfterGeneration.WorkingSetBytes)} MiB |");
        s.AppendLine(c, $"| generate again, same seed | {r.SecondGeneration.TotalSeconds:F1} s | — |");
        if (r.MirrorSeeding is { } seeding)
        {
            var store = r.Options.Store.Kind == StoreKind.InMemory ? "EF Core InMemory" : r.Options.Store.Kind.ToString();
            s.AppendLine(c, $"| seed the four mirrors ({store} stores; generation included) | {seeding.TotalSeconds:F1} s | GC heap after {MiB(r.AfterMirrors!.GcHeapBytes)} MiB, working set {MiB(r.AfterMirrors.WorkingSetBytes)} MiB |");
        }
        s.AppendLine();
        s.AppendLine(c, $"Same seed, same estate: SHA-256 of the estate's JSON `{r.Fingerprint}`; the second generation {(r.Identical ? "matched it byte for byte" : "DID NOT match it")}.");
        return s.ToString();
    }

    /// <summary>A write-only stream that feeds a hash.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
