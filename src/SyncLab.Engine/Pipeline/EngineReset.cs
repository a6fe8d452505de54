using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>
/// An engine component that keeps state in memory (a looked-up id, a cache): a reset asks it to forget.
/// State in the engine's store needs nothing of the sort: a reset empties every table of <see cref="EngineDb"/>.
/// </summary>
public interface IEngineCache
{
    void Forget();
}

/// <summary>
/// Empties the engine's store: every table the model has (checkpoints, queue, applied versions, id maps,
/// data errors, and whatever a process adds later), with identities starting again at 1, so a reset engine
/// is indistinguishable from a new one. Staging and QA only; a live engine never needs it.
/// </summary>
public static class EngineReset
{
    public static async Task ClearStoreAsync(EngineDb db, CancellationToken ct)
    {
        if (!db.Database.IsRelational())
        {
            await db.Database.EnsureDeletedAsync(ct);
            await db.Database.EnsureCreatedAsync(ct);
            return;
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null)
            .Select(t => sql.DelimitIdentifier(t.GetTableName()!, t.GetSchema()))
            .Distinct()
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var truncate = "TRUNCATE " + string.Join(", ", tables) + " RESTART IDENTITY";
            await db.Database.ExecuteSqlRawAsync(truncate, ct);
        }
        else
        {
            foreach (var table in tables)
            {
                var delete = "DELETE FROM " + table;
                await db.Database.ExecuteSqlRawAsync(delete, ct);
            }
            if (db.Database.IsSqlite())
            {
                // AUTOINCREMENT keeps its high-water marks here; without them ids start at 1 again.
                await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence", ct);
            }
        }
        await transaction.CommitAsync(ct);
    }
}
