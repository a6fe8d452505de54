using Microsoft.EntityFrameworkCore;

namespace SyncLab.MirrorKit.Storage;

public enum StoreKind
{
    /// <summary>EF Core InMemory: the README's run command; nothing survives a restart.</summary>
    InMemory,

    /// <summary>A SQLite file: a staging that survives restarts without a server.</summary>
    Sqlite,

    /// <summary>PostgreSQL: shared, durable staging.</summary>
    Postgres,
}

/// <summary>Where a mirror (or the engine) keeps its state.</summary>
public sealed record StoreOptions(StoreKind Kind = StoreKind.InMemory, string? ConnectionString = null)
{
    public static StoreOptions InMemory { get; } = new();

    /// <summary>Points <paramref name="builder"/> at this store; <paramref name="name"/> keeps several databases apart.</summary>
    public void Apply(DbContextOptionsBuilder builder, string name)
    {
        switch (Kind)
        {
            case StoreKind.InMemory:
                builder.UseInMemoryDatabase(name);
                break;
            case StoreKind.Sqlite:
                builder.UseSqlite(ConnectionString ?? $"Data Source={name}.db");
                break;
            case StoreKind.Postgres:
                builder.UseNpgsql(ConnectionString ?? throw new InvalidOperationException("A PostgreSQL store needs a connection string."));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(builder), Kind, "Unknown store kind.");
        }
    }
}
