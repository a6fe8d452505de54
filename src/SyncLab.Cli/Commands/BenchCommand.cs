using System.CommandLine;
using SyncLab.Bench;
using SyncLab.Bench.Engine;
using SyncLab.Bench.Estate;
using SyncLab.Bench.Load;
using SyncLab.Bench.Report;
using SyncLab.MirrorKit.Storage;

namespace SyncLab.Cli.Commands;

/// <summary><c>synclab bench mirrors</c>: requests/s and p99 of each mirror next to bare Kestrel and WireMock.Net, in one run; <c>synclab bench estate</c>: generating and seeding an estate; <c>synclab bench engine</c>: the engine's full sync, its pace at the vendors' limits, an order burst.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure SyncLab (see docs/benchmarks.md)") { Mirrors(), Estate(), Engine() };

    private static Command Mirrors()
    {
        var skus = new Option<int>("--skus") { Description = "Items in the seeded estate", DefaultValueFactory = _ => 50_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the estate and of the SKUs each worker picks", DefaultValueFactory = _ => 42 };
        var duration = new Option<double>("--duration") { Description = "Measured seconds per case", DefaultValueFactory = _ => 3 };
        var warmUp = new Option<double>("--warmup") { Description = "Warm-up seconds per case (not counted)", DefaultValueFactory = _ => 2 };
        var workers = new Option<int>("--workers") { Description = "Concurrent closed-loop workers (one connection each)", DefaultValueFactory = _ => 16 };
        var rate = new Option<double>("--clock-rate") { Description = "Business seconds per real second (0 = frozen)", DefaultValueFactory = _ => 1 };
        var mappings = new Option<int[]>("--wiremock-mappings")
        {
            Description = "WireMock.Net servers to compare with, by mapping count (even: half reads, half writes)",
            DefaultValueFactory = _ => [10, 500],
            AllowMultipleArgumentsPerToken = true,
        };
        var only = new Option<string[]>("--only")
        {
            Description = "Measure only cases whose name contains one of these, e.g. --only erp \"WireMock.Net, 500\" (the bare baseline always runs)",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = true,
        };
        var store = new Option<string>("--store") { Description = "Where the mirrors keep state: memory (default) or sqlite (throw-away files)", DefaultValueFactory = _ => "memory" };
        store.AcceptOnlyFromAmong("memory", "sqlite");
        var output = new Option<string>("--out") { Description = "Markdown report file (also printed)", DefaultValueFactory = _ => "artifacts/bench/mirrors-latest.md" };

        skus.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 1_000_000, "--skus must be between 1 and 1000000"));
        duration.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is > 0 and <= 600, "--duration must be more than 0 and at most 600 seconds"));
        warmUp.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is >= 0 and <= 600, "--warmup must be between 0 and 600 seconds"));
        workers.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 1024, "--workers must be between 1 and 1024"));
        rate.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() >= 0, "--clock-rate must be 0 or more"));
        mappings.Validators.Add(r => Check(r, r.GetValueOrDefault<int[]>() is { } m && m.All(n => n is >= 2 and <= 100_000 && n % 2 == 0), "--wiremock-mappings takes even numbers from 2 to 100000"));

        var command = new Command("mirrors", "Each mirror's requests/s and p99 for a read and a write, next to bare Kestrel and WireMock.Net, in one run")
        {
            skus, seed, duration, warmUp, workers, rate, mappings, only, store, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new MirrorsBenchOptions
            {
                Skus = result.GetValue(skus),
                Seed = result.GetValue(seed),
                ClockRate = result.GetValue(rate),
                WireMockMappings = result.GetValue(mappings)!,
                Only = result.GetValue(only)!,
                Store = result.GetValue(store) == "sqlite" ? new StoreOptions(StoreKind.Sqlite) : StoreOptions.InMemory,
                Load = new LoadOptions
                {
                    Workers = result.GetValue(workers),
                    Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                    WarmUp = TimeSpan.FromSeconds(result.GetValue(warmUp)),
                    Seed = result.GetValue(seed),
                },
                CommandLine = "synclab " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote)),
            };
            MirrorsBenchReport report;
            try
            {
                report = await MirrorsBenchmark.RunAsync(options, Console.Error, ct);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"synclab bench: {e.GetBaseException().Message}");
                return 1;
            }
            var markdown = MarkdownReport.Render(report);
            await Console.Out.WriteAsync(markdown);
            var path = Path.GetFullPath(result.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown, ct);
            await Console.Error.WriteLineAsync($"bench: report written to {path}");
            // A broken case or errors are findings, not a crash: the report says which; the exit code says so too.
            return report.Broken.Count > 0 || report.Results.Any(r => r.Errors > 0) ? 3 : 0;
        });
        return command;
    }

    private static Command Estate()
    {
        var skus = new Option<int>("--skus") { Description = "Items in the estate", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the estate", DefaultValueFactory = _ => 42 };
        var noMirrors = new Option<bool>("--no-mirrors") { Description = "Only generate the estate; do not seed the four mirrors with it" };
        var store = new Option<string>("--store") { Description = "Where the mirrors keep state: memory (default) or sqlite (throw-away files)", DefaultValueFactory = _ => "memory" };
        store.AcceptOnlyFromAmong("memory", "sqlite");
        var output = new Option<string>("--out") { Description = "Markdown report file (also printed)", DefaultValueFactory = _ => "artifacts/bench/estate-latest.md" };
        skus.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 1_000_000, "--skus must be between 1 and 1000000"));

        var command = new Command("estate", "Time and memory to generate an estate (twice, to show the same seed gives the same bytes) and to seed the mirrors with it")
        {
            skus, seed, noMirrors, store, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new EstateBenchOptions
            {
                Skus = result.GetValue(skus),
                Seed = result.GetValue(seed),
                SeedMirrors = !result.GetValue(noMirrors),
                Store = result.GetValue(store) == "sqlite" ? new StoreOptions(StoreKind.Sqlite) : StoreOptions.InMemory,
                CommandLine = "synclab " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote)),
            };
            EstateBenchReport report;
            try
            {
                report = await EstateBenchmark.RunAsync(options, Console.Error, ct);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"synclab bench: {e.GetBaseException().Message}");
                return 1;
            }
            var markdown = EstateBenchmark.Render(report);
            await Console.Out.WriteAsync(markdown);
            var path = Path.GetFullPath(result.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown, ct);
            await Console.Error.WriteLineAsync($"bench: report written to {path}");
            return report.Identical ? 0 : 3;
        });
        return command;
    }

    private static Command Engine()
    {
        var skus = new Option<int>("--skus") { Description = "Items in the estate of the full sync with limits off", DefaultValueFactory = _ => 100_000 };
        var limitedSkus = new Option<int>("--limited-skus") { Description = "Items in the estate of the run at the vendors' limits (real time)", DefaultValueFactory = _ => 500 };
        var limitedOrders = new Option<int>("--limited-orders") { Description = "Web orders placed at once at the vendors' limits, after the syncs (0: none)", DefaultValueFactory = _ => 200 };
        var erpWindow = new Option<double>("--erp-window")
        {
            Description = "Seconds of the ERP's sliding window in the order burst at the limits, at Business Central's 20 requests/s (the real window is 300)",
            DefaultValueFactory = _ => 15,
        };
        var orders = new Option<int>("--orders") { Description = "Web orders placed at once in the burst", DefaultValueFactory = _ => 2_000 };
        var burstSkus = new Option<int>("--burst-skus") { Description = "Items in the estate of the burst", DefaultValueFactory = _ => 2_000 };
        var poll = new Option<double>("--burst-poll") { Description = "The engine's poll interval during the burst, in seconds", DefaultValueFactory = _ => 5 };
        var shoppers = new Option<int>("--shoppers") { Description = "Concurrent shoppers placing the burst's orders", DefaultValueFactory = _ => 32 };
        var seed = new Option<int>("--seed") { Description = "Seed of the estates", DefaultValueFactory = _ => 42 };
        var only = new Option<string[]>("--only")
        {
            Description = "Only these cases: full, limits, burst",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = true,
        };
        only.AcceptOnlyFromAmong("full", "limits", "burst");
        var noCompare = new Option<bool>("--no-unpaced") { Description = "At the vendors' limits, skip the comparison runs without the pacers" };
        var store = new Option<string>("--store") { Description = "Where the mirrors keep state: memory (default) or sqlite (throw-away files)", DefaultValueFactory = _ => "memory" };
        store.AcceptOnlyFromAmong("memory", "sqlite");
        var timeout = new Option<double>("--timeout") { Description = "Minutes a case may take before it is reported unfinished", DefaultValueFactory = _ => 120 };
        var output = new Option<string>("--out") { Description = "Markdown report file (also printed)", DefaultValueFactory = _ => "artifacts/bench/engine-latest.md" };
        foreach (var count in new[] { skus, limitedSkus, burstSkus })
        {
            count.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 1_000_000, $"{r.Option.Name} must be between 1 and 1000000"));
        }
        orders.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 100_000, "--orders must be between 1 and 100000"));
        limitedOrders.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 0 and <= 100_000, "--limited-orders must be between 0 and 100000"));
        erpWindow.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is >= 0.05 and <= 300, "--erp-window must be between 0.05 and 300 seconds"));
        poll.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() is > 0 and <= 3600, "--burst-poll must be more than 0 and at most 3600 seconds"));
        shoppers.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 1024, "--shoppers must be between 1 and 1024"));
        timeout.Validators.Add(r => Check(r, r.GetValueOrDefault<double>() > 0, "--timeout must be more than 0 minutes"));

        var command = new Command("engine", "The engine's first full sync (limits off), its pace at the vendors' documented limits, and the latency of an order burst")
        {
            skus, limitedSkus, limitedOrders, erpWindow, orders, burstSkus, poll, shoppers, seed, only, noCompare, store, timeout, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new EngineBenchOptions
            {
                Skus = result.GetValue(skus),
                LimitedSkus = result.GetValue(limitedSkus),
                LimitedOrders = result.GetValue(limitedOrders),
                LimitedErpWindow = TimeSpan.FromSeconds(result.GetValue(erpWindow)),
                Orders = result.GetValue(orders),
                BurstSkus = result.GetValue(burstSkus),
                BurstPollInterval = TimeSpan.FromSeconds(result.GetValue(poll)),
                Shoppers = result.GetValue(shoppers),
                Seed = result.GetValue(seed),
                Only = result.GetValue(only)!,
                CompareUnpaced = !result.GetValue(noCompare),
                Store = result.GetValue(store) == "sqlite" ? new StoreOptions(StoreKind.Sqlite) : StoreOptions.InMemory,
                Timeout = TimeSpan.FromMinutes(result.GetValue(timeout)),
                CommandLine = "synclab " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote)),
            };
            EngineBenchReport report;
            try
            {
                report = await EngineBenchmark.RunAsync(options, Console.Error, ct);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"synclab bench: {e.GetBaseException().Message}");
                return 1;
            }
            var markdown = report.Render();
            await Console.Out.WriteAsync(markdown);
            var path = Path.GetFullPath(result.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown, ct);
            await Console.Error.WriteLineAsync($"bench: report written to {path}");
            return report.Complete ? 0 : 3;
        });
        return command;
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, bool valid, string message)
    {
        if (!valid)
        {
            result.AddError(message);
        }
    }

    private static string Quote(string arg) => arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$') ? arg : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
