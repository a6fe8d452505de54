using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SyncLab.Engine.Storage;

/// <summary>
/// The engine's migrations, one set per relational provider, both in this assembly: SQLite's in
/// <c>Storage/Migrations/Sqlite</c>, PostgreSQL's in <c>Storage/Migrations/Postgres</c>. EF Core finds migrations by
/// context type, and one context type serves both providers, so each provider's context is given the
/// <see cref="IMigrationsAssembly"/> that sees only its own namespace (<see cref="ForProvider"/>). At run time and at
/// design time (<c>dotnet ef migrations add … -- --provider sqlite|postgres</c>, <see cref="EngineDbDesignTimeFactory"/>)
/// alike, so a new migration lands beside the last one of its provider, against that provider's snapshot.
/// </summary>
public static class EngineMigrations
{
    public const string SqliteNamespace = "SyncLab.Engine.Storage.Migrations.Sqlite";

    public const string PostgresNamespace = "SyncLab.Engine.Storage.Migrations.Postgres";

    /// <summary>The name of the first migration of each set: the model the engine had when it still used EnsureCreated.</summary>
    public const string InitialName = "Initial";

    /// <summary>Points a relational provider's context at its own migration set.</summary>
    public static DbContextOptionsBuilder ForProvider(this DbContextOptionsBuilder builder, EngineStoreKind kind) => kind switch
    {
        EngineStoreKind.Sqlite => builder.ReplaceService<IMigrationsAssembly, SqliteMigrations>(),
        EngineStoreKind.Postgres => builder.ReplaceService<IMigrationsAssembly, PostgresMigrations>(),
        _ => builder,
    };

    /// <summary>How a context of the engine's store is configured, for the host (a pooled factory), tests and design time.</summary>
    public static DbContextOptionsBuilder UseEngineStore(this DbContextOptionsBuilder db, EngineStore store)
    {
        _ = store.Kind switch
        {
            EngineStoreKind.Sqlite => db.UseSqlite(store.ConnectionString).AddInterceptors(new SqliteStoreTuning(store.SyncEveryCommit)),
            EngineStoreKind.Postgres => db.UseNpgsql(store.ConnectionString),
            EngineStoreKind.InMemory => db.UseInMemoryDatabase(store.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(store), store.Kind, "Unknown engine store."),
        };
        return db.ForProvider(store.Kind);
    }

    private sealed class SqliteMigrations(ICurrentDbContext context, IMigrationsIdGenerator ids)
        : NamespaceMigrations(context, ids, SqliteNamespace);

    private sealed class PostgresMigrations(ICurrentDbContext context, IMigrationsIdGenerator ids)
        : NamespaceMigrations(context, ids, PostgresNamespace);

    /// <summary>EF Core's own lookup (migrations and snapshot of this context type in this assembly), narrowed to one namespace.</summary>
    private abstract class NamespaceMigrations(ICurrentDbContext context, IMigrationsIdGenerator ids, string ns) : IMigrationsAssembly
    {
        private readonly Type _contextType = context.Context.GetType();
        private IReadOnlyDictionary<string, TypeInfo>? _migrations;
        private ModelSnapshot? _snapshot;

        public Assembly Assembly => typeof(EngineMigrations).Assembly;

        public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= new SortedList<string, TypeInfo>(
            Ours(typeof(Migration)).ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t, StringComparer.Ordinal),
            StringComparer.Ordinal);

        public ModelSnapshot? ModelSnapshot => _snapshot ??= Ours(typeof(ModelSnapshot))
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
            .SingleOrDefault();

        public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(ids.IsValidId(nameOrId)
            ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : id => string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

        public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
        {
            var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
            migration.ActiveProvider = activeProvider;
            return migration;
        }

        private IEnumerable<TypeInfo> Ours(Type kind) => Assembly.DefinedTypes.Where(t =>
            !t.IsAbstract && t.IsSubclassOf(kind) && t.Namespace == ns
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType
            && (kind != typeof(Migration) || t.GetCustomAttribute<MigrationAttribute>() is not null));
    }
}
