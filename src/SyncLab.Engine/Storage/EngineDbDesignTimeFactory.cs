using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncLab.Engine.Storage;

/// <summary>
/// The context <c>dotnet ef</c> scaffolds against (no database is opened). The provider is an argument, since each has
/// its own migration set: <c>dotnet ef migrations add AddX --project src/SyncLab.Engine -- --provider sqlite</c>, then
/// the same with <c>--provider postgres</c> (docs/engine.md, "State").
/// </summary>
internal sealed class EngineDbDesignTimeFactory : IDesignTimeDbContextFactory<EngineDb>
{
    public EngineDb CreateDbContext(string[] args)
    {
        var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault();
        var store = provider switch
        {
            "sqlite" => EngineStore.Sqlite("design-time.db"),
            "postgres" => EngineStore.Postgres("Host=localhost;Database=synclab_design_time"),
            _ => throw new ArgumentException("Say which migration set: append `-- --provider sqlite` or `-- --provider postgres`.", nameof(args)),
        };
        var builder = new DbContextOptionsBuilder<EngineDb>();
        builder.UseEngineStore(store);
        return new EngineDb(builder.Options);
    }
}
