using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace SyncLab.Engine.Storage;

/// <summary>
/// Brings the engine's store to the schema of this version at start-up: EF Core migrations (one set per provider,
/// <see cref="EngineMigrations"/>). A store made by an earlier version that still used <c>EnsureCreated</c> (tables, no
/// <c>__EFMigrationsHistory</c>) is adopted first (<see cref="AdoptAsync"/>). InMemory (unit tests) has no migrations.
/// </summary>
public static class EngineSchema
{
    /// <summary>Any 64-bit number of our own: PostgreSQL advisory locks are named by numbers.</summary>
    private const long CreationLock = 0x53594E434C4142; // "SYNCLAB"

    /// <summary>A table every store made by any version has: its presence without a migrations history means EnsureCreated made it.</summary>
    private const string AlwaysThere = "WorkItems";

    /// <summary>
    /// On PostgreSQL several nodes may start at once: the whole upgrade — adopting an old store, then migrating — runs
    /// under one advisory lock on one connection, so one node upgrades and the others find it done. EF Core's own
    /// migration lock (PostgreSQL: <c>LOCK TABLE "__EFMigrationsHistory"</c> in the migration's transaction; SQLite: a row
    /// in <c>__EFMigrationsLock</c>) is then taken inside it, always uncontended; it alone would not cover the adoption.
    /// </summary>
    public static async Task MigrateAsync(EngineDb db, CancellationToken ct)
    {
        if (!db.Database.IsRelational())
        {
            await db.Database.EnsureCreatedAsync(ct);
            return;
        }
        if (!db.Database.IsNpgsql())
        {
            await ReleaseStaleSqliteLockAsync(db, ct);
            await UpgradeAsync(db, ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
#pragma warning disable EF1002 // a constant, not input
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({CreationLock})", ct);
            try
            {
                await UpgradeAsync(db, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({CreationLock})", CancellationToken.None);
            }
#pragma warning restore EF1002
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task UpgradeAsync(EngineDb db, CancellationToken ct)
    {
        await AdoptAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// A store made with <c>EnsureCreated</c> by an earlier version: its tables are those of the initial migration, or
    /// fewer (tables, columns and indexes added since it was made). What is missing of the initial migration is added
    /// — a missing non-null column with its type's default (0, empty) — and the initial migration is recorded as applied,
    /// so <c>Migrate</c> applies only the later ones and no table is made twice. Nothing is dropped or rewritten.
    /// </summary>
    private static async Task AdoptAsync(EngineDb db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        // Not ExistsAsync: Npgsql's says true whether the table is there or not. No migration recorded is the sign
        // (also of a history table left empty by a first migration that failed).
        if ((await history.GetAppliedMigrationsAsync(ct)).Count > 0 || !await TableExistsAsync(db, AlwaysThere, ct))
        {
            return; // migrated already, or empty: Migrate does it all
        }
        var migrations = db.GetService<IMigrationsAssembly>();
        var (initialId, initialType) = migrations.Migrations.First();
        var initial = migrations.CreateMigration(initialType, db.Database.ProviderName!);
        var missing = new List<MigrationOperation>();
        foreach (var operation in initial.UpOperations)
        {
            switch (operation)
            {
                case CreateTableOperation table when !await TableExistsAsync(db, table.Name, ct):
                    missing.Add(table);
                    break;
                case CreateTableOperation table:
                    foreach (var column in table.Columns)
                    {
                        if (!await ColumnExistsAsync(db, table.Name, column.Name, ct))
                        {
                            column.Table = table.Name;
                            column.DefaultValue ??= column.IsNullable ? null : DefaultOf(column.ClrType);
                            missing.Add(column);
                        }
                    }
                    break;
                case CreateIndexOperation index when !await IndexExistsAsync(db, index.Name, ct):
                    missing.Add(index);
                    break;
                default:
                    break;
            }
        }
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(missing, db.GetService<IDesignTimeModel>().Model);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, db.GetService<IRelationalConnection>(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())), ct);
        await transaction.CommitAsync(ct);
    }

    private static object DefaultOf(Type type) => type == typeof(string) ? string.Empty : Activator.CreateInstance(type)!;

    /// <summary>
    /// SQLite: EF Core's migration lock is a row in <c>__EFMigrationsLock</c>, left behind by a process killed while
    /// migrating, and then waited on for ever. One engine owns a SQLite store (a distributed engine needs PostgreSQL), so
    /// a row found at start-up is such a leftover.
    /// </summary>
    private static async Task ReleaseStaleSqliteLockAsync(EngineDb db, CancellationToken ct)
    {
        if (await TableExistsAsync(db, "__EFMigrationsLock", ct))
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock" """, ct);
        }
    }

    private static Task<bool> TableExistsAsync(EngineDb db, string table, CancellationToken ct) => AnyAsync(db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}")
        : db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}"), ct);

    private static Task<bool> ColumnExistsAsync(EngineDb db, string table, string column, CancellationToken ct) => AnyAsync(db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {table} AND column_name = {column}")
        : db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM pragma_table_info({table}) WHERE name = {column}"), ct);

    private static Task<bool> IndexExistsAsync(EngineDb db, string index, CancellationToken ct) => AnyAsync(db.Database.IsNpgsql()
        ? db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND indexname = {index}")
        : db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = {index}"), ct);

    private static async Task<bool> AnyAsync(IQueryable<long> count, CancellationToken ct) => (await count.ToListAsync(ct)).Single() > 0;
}
