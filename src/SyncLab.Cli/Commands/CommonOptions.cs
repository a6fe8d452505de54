using System.CommandLine;
using System.Globalization;
using SyncLab.MirrorKit.Storage;

namespace SyncLab.Cli.Commands;

/// <summary>
/// The options <c>synclab up</c> and <c>synclab mirror</c> share: the estate, the address, the business clock,
/// the store and the admin token. Each command makes its own instance (an option belongs to one command).
/// </summary>
internal sealed class CommonOptions
{
    public CommonOptions(string dataDirDescription)
    {
        DataDir = new Option<string?>("--data-dir") { Description = dataDirDescription };
        Store.AcceptOnlyFromAmong("memory", "sqlite", "postgres");
        Skus.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--skus must be between 1 and 1000000");
            }
        });
        ClockRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() < 0)
            {
                r.AddError("--clock-rate must be 0 or more");
            }
        });
    }

    public Option<int> Seed { get; } = new("--seed") { Description = "Estate seed: the same seed gives the same business", DefaultValueFactory = _ => Env("SEED", 42) };

    public Option<int> Skus { get; } = new("--skus") { Description = "Number of ERP items in the estate", DefaultValueFactory = _ => Env("SKUS", 50) };

    public Option<string> Bind { get; } = new("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__BIND") ?? "127.0.0.1" };

    public Option<string> Store { get; } = new("--store")
    {
        Description = "Where state lives: memory (default), sqlite or postgres",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__STORE") ?? "memory",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string (with --store postgres)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__POSTGRES"),
    };

    public Option<string?> DataDir { get; }

    public Option<double> ClockRate { get; } = new("--clock-rate") { Description = "Business seconds per real second (1 = real time, 0 = frozen)", DefaultValueFactory = _ => 1 };

    public Option<DateTimeOffset?> ClockStart { get; } = new("--clock-start") { Description = "Business instant to start at (ISO 8601); default now" };

    public Option<string?> AdminToken { get; } = new("--admin-token")
    {
        Description = "Token for the admin APIs (default: loopback callers only)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SYNCLAB__ADMIN_TOKEN"),
    };

    /// <summary>Adds the estate options, then <paramref name="between"/> (e.g. the port), then the rest, so help lists them in that order.</summary>
    public void AddTo(Command command, params Option[] between)
    {
        command.Options.Add(Seed);
        command.Options.Add(Skus);
        foreach (var option in between)
        {
            command.Options.Add(option);
        }
        foreach (var option in new Option[] { Bind, Store, Postgres, DataDir, ClockRate, ClockStart, AdminToken })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The store asked for, with the SQLite folder (<c>.synclab</c> unless <c>--data-dir</c> says otherwise);
    /// null, after one line on stderr, when <c>--store postgres</c> comes without a connection string.
    /// </summary>
    public StoreOptions? ReadStore(ParseResult result, string commandName)
    {
        var kind = result.GetValue(Store)!;
        var postgres = result.GetValue(Postgres);
        if (kind == "postgres" && string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine($"synclab {commandName}: --store postgres needs --postgres <connection string> (or SYNCLAB__POSTGRES).");
            return null;
        }
        return kind switch
        {
            "sqlite" => new StoreOptions(StoreKind.Sqlite, Directory: DataDirectory(result)),
            "postgres" => new StoreOptions(StoreKind.Postgres, postgres),
            _ => StoreOptions.InMemory,
        };
    }

    /// <summary>Estates from this size up answer far faster from an indexed store than from EF Core InMemory.</summary>
    public const int LargeEstate = 10_000;

    /// <summary>
    /// One line on stderr when a large estate is about to live in the InMemory store, which walks a whole table
    /// on every query: the store is the user's choice, but the cost of it should not be a surprise.
    /// </summary>
    public static void HintAtStore(StoreOptions store, int skus, string commandName)
    {
        if (store.Kind == StoreKind.InMemory && skus >= LargeEstate)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"synclab {commandName}: hint: {skus:N0} SKUs in memory: each query walks its whole table; --store sqlite answers reads many times faster at this size (docs/benchmarks.md)."));
        }
    }

    /// <summary><c>--data-dir</c>, else <c>.synclab</c> with <c>--store sqlite</c>, else null.</summary>
    public string? DataDirectory(ParseResult result) =>
        result.GetValue(DataDir) ?? (result.GetValue(Store) == "sqlite" ? ".synclab" : null);

    public static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable($"SYNCLAB__{name}"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
