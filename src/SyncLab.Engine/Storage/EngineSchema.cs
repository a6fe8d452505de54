using Microsoft.EntityFrameworkCore;

namespace SyncLab.Engine.Storage;

/// <summary>Creates the engine's tables when the store has none.</summary>
internal static class EngineSchema
{
    /// <summary>Any 64-bit number of our own: PostgreSQL advisory locks are named by numbers.</summary>
    private const long CreationLock = 0x53594E434C4142; // "SYNCLAB"

    /// <summary>
    /// On PostgreSQL several nodes may start at once: creation is done under an advisory lock, so one creates and the
    /// others find the tables (EF's EnsureCreated alone would let two create the same tables and one of them fail).
    /// </summary>
    public static async Task EnsureCreatedAsync(EngineDb db, EngineOptions options, CancellationToken ct)
    {
        if (options.Store.Kind != EngineStoreKind.Postgres)
        {
            await db.Database.EnsureCreatedAsync(ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
#pragma warning disable EF1002 // a constant, not input
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({CreationLock})", ct);
            try
            {
                await db.Database.EnsureCreatedAsync(ct);
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
}
