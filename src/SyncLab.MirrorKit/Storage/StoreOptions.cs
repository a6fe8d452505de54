using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.InMemory.Storage.Internal;
using Npgsql;

namespace SyncLab.MirrorKit.Storage;

public enum StoreKind
{
    /// <summary>EF Core InMemory: the README's run command; nothing survives a restart.</summary>
    InMemory,

    /// <summary>A SQLite file per mirror: a staging that survives restarts without a server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database per mirror: shared, durable staging.</summary>
    Postgres,
}

/// <summary>Where a mirror keeps its state.</summary>
/// <param name="ConnectionString">PostgreSQL: the server to use (each mirror gets its own database on it). SQLite: ignored.</param>
/// <param name="Directory">SQLite: the folder for the files (default: the current one).</param>
public sealed record StoreOptions(StoreKind Kind = StoreKind.InMemory, string? ConnectionString = null, string? Directory = null)
{
    public static StoreOptions InMemory { get; } = new();

    /// <summary>True when state outlives the process, so a restarted staging must find it again under the same names.</summary>
    public bool IsDurable => Kind != StoreKind.InMemory;

    /// <summary>
    /// Points <paramref name="builder"/> at this store; <paramref name="name"/> (e.g. "erp-staging") keeps
    /// mirrors apart. Each mirror gets a database (or file) of its own, because EF Core's EnsureCreated
    /// does nothing on a database that already holds another context's tables.
    /// </summary>
    public void Apply(DbContextOptionsBuilder builder, string name)
    {
        switch (Kind)
        {
            case StoreKind.InMemory:
                builder.UseInMemoryDatabase(name);
#pragma warning disable EF1001 // see SnapshotCachingTableFactory
                builder.ReplaceService<IInMemoryTableFactory, SnapshotCachingTableFactory>();
#pragma warning restore EF1001
                break;
            case StoreKind.Sqlite:
                builder.UseSqlite($"Data Source={Path.Combine(Directory ?? ".", name + ".db")}").AddInterceptors(SqliteTuning.Instance);
                break;
            case StoreKind.Postgres:
                var server = new NpgsqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException("A PostgreSQL store needs a connection string."));
                server.Database = DatabaseName(server.Database, name);
                builder.UseNpgsql(server.ConnectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(builder), Kind, "Unknown store kind.");
        }
    }

    private static string DatabaseName(string? baseName, string name)
    {
        var safe = new string($"{baseName ?? "synclab"}_{name}".ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        // PostgreSQL truncates identifiers at 63 bytes; two mirrors must never collide after truncation.
        return safe.Length <= 63 ? safe : safe[..63];
    }
}
