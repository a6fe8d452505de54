using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SyncLab.MirrorKit.Storage;

/// <summary>
/// Opens every SQLite connection of a mirror in write-ahead-log mode with normal sync: readers no longer wait for
/// a writer (the mirrors read while the engine writes), and a commit no longer waits for a full fsync. A staging
/// still survives a restart of the process; only a power cut may lose the last commits, which a staging can bear.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static SqliteTuning Instance { get; } = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
