using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SyncLab.Cli.Output;
using SyncLab.MirrorKit.Storage;
using SyncLab.Staging;

namespace SyncLab.Cli.Commands;

/// <summary><c>synclab up</c>: the four mirrors, the engine and a seeded estate in one process, until Ctrl-C.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Estate seed: the same seed gives the same business", DefaultValueFactory = _ => Env("SEED", 42) };
        var skus = new Option<int>("--skus") { Description = "Number of ERP items in the estate", DefaultValueFactory = _ => Env("SKUS", 50) };
        var port = new Option<int>("--base-port") { Description = "Engine port; ERP, storefront, POS and warehouse take the next four (0 = free ports)", DefaultValueFactory = _ => Env("BASE_PORT", 5100) };
        var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__BIND") ?? "127.0.0.1" };
        var store = new Option<string>("--store") { Description = "Where state lives: memory (default), sqlite or postgres", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__STORE") ?? "memory" };
        store.AcceptOnlyFromAmong("memory", "sqlite", "postgres");
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (with --store postgres)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__POSTGRES") };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder for SQLite files (default with --store sqlite: .synclab; otherwise a throw-away folder)" };
        var rate = new Option<double>("--clock-rate") { Description = "Business seconds per real second (1 = real time, 0 = frozen)", DefaultValueFactory = _ => 1 };
        var start = new Option<DateTimeOffset?>("--clock-start") { Description = "Business instant to start at (ISO 8601); default now" };
        var token = new Option<string?>("--admin-token") { Description = "Token for the admin APIs (default: loopback callers only)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__ADMIN_TOKEN") };

        skus.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--skus must be between 1 and 1000000");
            }
        });
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() < 0)
            {
                r.AddError("--clock-rate must be 0 or more");
            }
        });

        var command = new Command("up", "Start the mirrors, the engine and a seeded estate (embedded defaults: no server needed)")
        {
            seed, skus, port, bind, store, postgres, dataDir, rate, start, token,
        };
        command.SetAction(async (result, ct) =>
        {
            var storeKind = result.GetValue(store)!;
            var pg = result.GetValue(postgres);
            if (storeKind == "postgres" && string.IsNullOrWhiteSpace(pg))
            {
                Console.Error.WriteLine("synclab up: --store postgres needs --postgres <connection string> (or SYNCLAB__POSTGRES).");
                return 2;
            }
            var directory = result.GetValue(dataDir) ?? (storeKind == "sqlite" ? ".synclab" : null);
            var options = new StagingOptions
            {
                Seed = result.GetValue(seed),
                Skus = result.GetValue(skus),
                BasePort = result.GetValue(port),
                BindAddress = result.GetValue(bind)!,
                ClockRate = result.GetValue(rate),
                ClockStart = result.GetValue(start),
                AdminToken = result.GetValue(token),
                DataDirectory = directory,
                MirrorStore = storeKind switch
                {
                    "sqlite" => new StoreOptions(StoreKind.Sqlite),
                    "postgres" => new StoreOptions(StoreKind.Postgres, pg),
                    _ => StoreOptions.InMemory,
                },
                EnginePostgres = storeKind == "postgres" ? pg : null,
            };
            return await RunAsync(options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(StagingOptions options, CancellationToken ct)
    {
        var logs = new DeferredClockLogProvider(Console.Out);
        StagingHost host;
        try
        {
            host = await StagingHost.StartAsync(options, logs, ct);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"synclab up: could not start: {e.GetBaseException().Message}");
            return 1;
        }
        await using (host)
        {
            logs.Attach(host.Clock);
            PrintTopology(host);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, host.Clock, ct);
            }
            catch (OperationCanceledException)
            {
                Console.Out.WriteLine("Stopping...");
            }
        }
        Console.Out.WriteLine("Stopped.");
        return 0;
    }

    private static void PrintTopology(StagingHost host)
    {
        var output = Console.Out;
        foreach (var mirror in host.Mirrors)
        {
            var mirrors = mirror.Api.StartsWith(mirror.Vendor, StringComparison.Ordinal) ? mirror.Api : $"{mirror.Vendor} {mirror.Api}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mirror.System,-11} {host.Addresses[mirror.System],-26} {mirrors} {mirror.ApiVersion}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"engine",-11} {host.Addresses["engine"],-26} SyncLab engine: /engine/status, /engine/data-errors, /engine/quiescence"));
        var estate = host.Estate;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Estate: seed {estate.Options.Seed}, {estate.Items.Count} items, {estate.Customers.Count} customers, {estate.Locations.Count} locations. Business clock {host.Clock.GetUtcNow():u} at x{host.Clock.Rate}. Ctrl-C stops."));
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable($"SYNCLAB__{name}"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Logs written before the clock exists are stamped with the system clock.</summary>
    private sealed class DeferredClockLogProvider(TextWriter output) : ILoggerProvider
    {
        private ConsoleLogProvider _inner = new(TimeProvider.System, output, LogLevel.Information);

        public void Attach(TimeProvider clock) => _inner = new ConsoleLogProvider(clock, output, LogLevel.Information);

        public ILogger CreateLogger(string categoryName) => new Forward(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Forward(DeferredClockLogProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => owner._inner.CreateLogger(category).IsEnabled(logLevel);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._inner.CreateLogger(category).Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
