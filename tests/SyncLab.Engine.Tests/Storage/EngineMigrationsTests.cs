using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Storage;
using SyncLab.Testing;

namespace SyncLab.Engine.Tests.Storage;

/// <summary>
/// The engine's store across versions: migrations per provider, a store made by EnsureCreated (before migrations)
/// adopted, and a guard that every model change has its migration.
/// </summary>
public sealed class EngineMigrationsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("synclab-migrations-").FullName;

    [Theory]
    [InlineData(EngineStoreKind.Sqlite)]
    [InlineData(EngineStoreKind.Postgres)]
    public void every_change_of_the_model_has_its_migration_for_each_provider(EngineStoreKind kind)
    {
        // No database is opened: the model is compared with the provider's last snapshot.
        using var db = Context(kind == EngineStoreKind.Sqlite ? EngineStore.Sqlite(Path.Combine(_directory, "guard.db")) : EngineStore.Postgres("Host=127.0.0.1;Database=unused"));

        Assert.False(db.Database.HasPendingModelChanges(),
            $"EngineDb has changes no {kind} migration captures. Add one for each provider (docs/engine.md, \"State\"): " +
            "dotnet ef migrations add <Name> --project src/SyncLab.Engine --output-dir Storage/Migrations/Sqlite -- --provider sqlite, " +
            "then the same with --output-dir Storage/Migrations/Postgres -- --provider postgres.");
    }

    [Fact]
    public void each_provider_sees_only_its_own_migrations_the_same_steps_in_the_same_order()
    {
        using var sqlite = Context(EngineStore.Sqlite(Path.Combine(_directory, "a.db")));
        using var postgres = Context(EngineStore.Postgres("Host=127.0.0.1;Database=unused"));

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations;
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations;

        Assert.All(sqliteMigrations.Values, t => Assert.Equal(EngineMigrations.SqliteNamespace, t.Namespace));
        Assert.All(postgresMigrations.Values, t => Assert.Equal(EngineMigrations.PostgresNamespace, t.Namespace));
        Assert.Equal(sqliteMigrations.Values.Select(t => t.Name), postgresMigrations.Values.Select(t => t.Name));
        Assert.Equal(EngineMigrations.InitialName, sqliteMigrations.Values.First().Name);
        Assert.True(sqliteMigrations.Count >= 2, "the initial migration and at least one after it");
    }

    [Fact]
    public async Task an_empty_sqlite_store_gets_every_migration_and_a_second_start_changes_nothing()
    {
        var store = EngineStore.Sqlite(Path.Combine(_directory, "new.db"));
        await MigrateAsync(store);
        await using (var db = Context(store))
        {
            db.InventorySettings.Add(new InventorySettingsRecord { Id = 1, Settings = "{}" });
            await db.SaveChangesAsync();
        }

        await MigrateAsync(store);

        await using var again = Context(store);
        Assert.Empty(await again.Database.GetPendingMigrationsAsync());
        Assert.Equal(again.Database.GetMigrations(), await again.Database.GetAppliedMigrationsAsync());
        Assert.Single(await again.InventorySettings.ToListAsync());
    }

    [Fact]
    public async Task a_sqlite_store_made_by_ensure_created_is_adopted_keeps_its_rows_and_gets_the_later_tables()
    {
        var store = EngineStore.Sqlite(Path.Combine(_directory, "old.db"));
        await EnsureCreatedAsInitialAsync(store);
        await AddOldRowsAsync(store);

        await MigrateAsync(store);

        await AssertUpgradedAsync(store);
        Assert.Equal(await SchemaAsync(store), await SchemaAsync(await NewStoreAsync("fresh.db")));
    }

    [Fact]
    public async Task a_sqlite_store_from_before_held_changes_and_scale_out_gets_the_missing_table_column_and_index()
    {
        var store = EngineStore.Sqlite(Path.Combine(_directory, "older.db"));
        await EnsureCreatedAsInitialAsync(store);
        await AddOldRowsAsync(store);
        await using (var db = Context(store))
        {
            // What earlier versions made: no held changes, no dispatch instant, no queue index by key.
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "HeldChanges" """);
            await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_WorkItems_Key" """);
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "WorkItems" DROP COLUMN "DispatchedAtTicks" """);
        }

        await MigrateAsync(store);

        await AssertUpgradedAsync(store);
        await using var upgraded = Context(store);
        Assert.Equal(0, (await upgraded.WorkItems.SingleAsync()).DispatchedAtTicks);
        upgraded.HeldChanges.Add(new HeldChange { Process = "orders", Key = "W-1", Version = "1", Reason = "closed" });
        await upgraded.SaveChangesAsync();
        Assert.Equal(await SchemaAsync(store), await SchemaAsync(await NewStoreAsync("fresh-too.db")));
    }

    [Fact]
    public async Task a_postgresql_store_made_by_ensure_created_is_adopted_once_by_several_nodes_starting_at_once()
    {
        var store = EngineStore.Postgres(await TestServices.CreateIsolatedPostgresDatabaseAsync("migr"));
        await EnsureCreatedAsInitialAsync(store);
        await AddOldRowsAsync(store);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => MigrateAsync(store))));

        await AssertUpgradedAsync(store);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static EngineDb Context(EngineStore store)
    {
        var builder = new DbContextOptionsBuilder<EngineDb>();
        builder.UseEngineStore(store);
        return new EngineDb(builder.Options);
    }

    private static async Task MigrateAsync(EngineStore store)
    {
        await using var db = Context(store);
        await EngineSchema.MigrateAsync(db, CancellationToken.None);
    }

    private async Task<EngineStore> NewStoreAsync(string file)
    {
        var store = EngineStore.Sqlite(Path.Combine(_directory, file));
        await MigrateAsync(store);
        return store;
    }

    /// <summary>
    /// What an earlier version of the engine did on an empty store: <c>EnsureCreated</c>, with the model of that time —
    /// the initial migration's target model, so this stays the old store whatever the model becomes.
    /// </summary>
    private static async Task EnsureCreatedAsInitialAsync(EngineStore store)
    {
        await using var probe = Context(store);
        var migrations = probe.GetService<IMigrationsAssembly>();
        var initial = migrations.CreateMigration(migrations.Migrations.First().Value, probe.Database.ProviderName!);
        var model = probe.GetService<IModelRuntimeInitializer>().Initialize(initial.TargetModel!, designTime: true);
        var builder = new DbContextOptionsBuilder<DbContext>().UseModel(model);
        _ = store.Kind == EngineStoreKind.Sqlite ? builder.UseSqlite(store.ConnectionString) : builder.UseNpgsql(store.ConnectionString);
        await using var old = new DbContext(builder.Options);
        Assert.True(await old.Database.EnsureCreatedAsync());
    }

    private static async Task AddOldRowsAsync(EngineStore store)
    {
        await using var db = Context(store);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Checkpoints" ("Source", "CursorTicks") VALUES ('erp.items', 42)""");
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "WorkItems" ("Process", "Key", "Version", "Payload", "State", "Attempts", "DueAtTicks", "CapturedAtTicks", "DispatchedAtTicks") VALUES ('prices', 'SKU-1', '1', 'null', 0, 0, 0, 0, 0)""");
    }

    /// <summary>Every migration recorded as applied, the rows of before kept, the later tables usable.</summary>
    private static async Task AssertUpgradedAsync(EngineStore store)
    {
        await using var db = Context(store);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(42, (await db.Checkpoints.SingleAsync(c => c.Source == "erp.items")).CursorTicks);
        Assert.Equal("SKU-1", (await db.WorkItems.SingleAsync()).Key);
        db.Stocktakes.Add(new StocktakeRecord { Warehouse = "Warehouse 1", LastKnown = "{}" });
        await db.SaveChangesAsync();
    }

    /// <summary>A SQLite store's tables, columns (name, type, null, key) and indexes (their definitions), as SQLite describes them.</summary>
    private static async Task<List<string>> SchemaAsync(EngineStore store)
    {
        await using var db = Context(store);
        return await db.Database.SqlQueryRaw<string>(
            """
            SELECT m.type || ' ' || m.name || COALESCE(' ' || c.name || ' ' || c.type || ' ' || c."notnull" || ' ' || c.pk, '') || COALESCE(' ' || CASE WHEN m.type = 'index' THEN m.sql END, '') AS "Value"
            FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) c ON m.type = 'table'
            WHERE m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
            ORDER BY 1
            """).ToListAsync();
    }
}
