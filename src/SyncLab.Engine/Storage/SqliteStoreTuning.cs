using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SyncLab.Engine.Storage;

/// <summary>
/// Sets up every SQLite connection of the engine's store. Several workers write the queue at once: with a busy
/// timeout SQLite itself waits a few milliseconds for the lock, where Microsoft.Data.Sqlite's own retry would
/// sleep 150 ms per collision. Write-ahead logging lets readers read while a writer commits.
/// </summary>
internal sealed class SqliteStoreTuning(bool syncEveryCommit) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous={(syncEveryCommit ? "FULL" : "NORMAL")};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
