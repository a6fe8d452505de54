using Npgsql;

namespace SyncLab.Engine.Distribution;

/// <summary>
/// Which node polls the sources and hands out work: the holder of a PostgreSQL session-level advisory lock. The lock
/// lives as long as the holder's connection, so when the node dies (even by kill -9) the server drops it and the next
/// node that asks gets it. No protocol of ours: the database decides.
/// </summary>
public sealed class Leadership(string connectionString, string estate) : IAsyncDisposable
{
    private readonly long _lockKey = LockKey(estate);
    private NpgsqlConnection? _held;

    public bool IsLeader => _held is not null;

    /// <summary>
    /// True while this node holds the lock: checks the held connection is alive, else tries to take the lock.
    /// <c>TookOver</c> is true when this call took it (work dispatched by a dead leader is handed out again).
    /// </summary>
    public async Task<(bool Leads, bool TookOver)> LeadAsync(CancellationToken ct)
    {
        if (_held is not null)
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _held);
                await ping.ExecuteScalarAsync(ct);
                return (true, false);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                await ReleaseAsync();
            }
        }
        // Its own connection, outside the pool: the lock must die with this connection, not be handed to another user of it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = $"synclab-leader-{estate}" }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", _lockKey);
            if (await take.ExecuteScalarAsync(ct) is true)
            {
                _held = connection;
                return (true, true);
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            // The database is away: nobody can lead through this node now; asked again on the next pass.
        }
        await connection.DisposeAsync();
        return (false, false);
    }

    public async Task ReleaseAsync()
    {
        if (_held is { } held)
        {
            _held = null;
            await held.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(ReleaseAsync());

    private static long LockKey(string estate)
    {
        // FNV-1a, 64-bit: the same estate name gives the same lock on every node.
        var hash = 14695981039346656037ul;
        foreach (var c in "synclab.leader." + estate)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }
        return unchecked((long)hash);
    }
}
