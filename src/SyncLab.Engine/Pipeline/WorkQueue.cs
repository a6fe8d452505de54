using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>
/// A captured change, before it is queued. <paramref name="DueAt"/> schedules effective-dated work (a price
/// list starting at midnight) on the business clock; null means now.
/// </summary>
public sealed record CapturedChange(string Process, string Key, string Version, string Payload, DateTimeOffset? DueAt = null);

/// <summary>The durable work queue's writing side, shared by every change source.</summary>
public static class WorkQueue
{
    private const int KeysPerQuery = 500;

    /// <summary>
    /// Adds the changes not already queued or applied. A change seen twice (poll overlap, webhook and poll,
    /// redelivery) is queued once; one older than what was applied is dropped. Returns how many were added.
    /// The caller saves, together with its cursor.
    /// </summary>
    public static async Task<int> EnqueueAsync(EngineDb db, IReadOnlyCollection<CapturedChange> changes, long nowTicks, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return 0;
        }
        var known = new HashSet<string>(StringComparer.Ordinal);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        // A few hundred keys a query: EF Core sends a list as one parameter per value, and SQLite looks each parameter up
        // by name in a list, so one query for a whole estate's keys (a first sync's price lists) took minutes to prepare.
        foreach (var keys in changes.Select(c => c.Key).Distinct().Chunk(KeysPerQuery))
        {
            known.UnionWith(await db.WorkItems.Where(w => keys.Contains(w.Key)).Select(w => w.Process + "|" + w.Key + "|" + w.Version).ToListAsync(ct));
            foreach (var a in await db.AppliedVersions.Where(a => keys.Contains(a.Key)).ToListAsync(ct))
            {
                applied[a.Process + "|" + a.Key] = a.Version;
            }
        }
        known.UnionWith(db.WorkItems.Local.Select(w => w.Process + "|" + w.Key + "|" + w.Version));

        var added = 0;
        foreach (var change in changes)
        {
            if (!known.Add($"{change.Process}|{change.Key}|{change.Version}"))
            {
                continue;
            }
            if (applied.TryGetValue($"{change.Process}|{change.Key}", out var done) && string.CompareOrdinal(done, change.Version) >= 0)
            {
                continue;
            }
            db.WorkItems.Add(new WorkItem
            {
                Process = change.Process,
                Key = change.Key,
                Version = change.Version,
                Payload = change.Payload,
                DueAtTicks = change.DueAt?.UtcTicks ?? nowTicks,
                CapturedAtTicks = nowTicks,
            });
            added++;
        }
        return added;
    }

    /// <summary>The checkpoint row of a source, created at zero (a full read) the first time.</summary>
    public static async Task<Checkpoint> CheckpointAsync(EngineDb db, string source, CancellationToken ct)
    {
        var checkpoint = await db.Checkpoints.FindAsync([source], ct);
        if (checkpoint is null)
        {
            checkpoint = new Checkpoint { Source = source };
            db.Checkpoints.Add(checkpoint);
        }
        return checkpoint;
    }

    /// <summary>
    /// Where a poll reads from: everything on a source's first poll (an engine's first run is a full sync),
    /// else the cursor less the overlap window, so a change committed late with an older timestamp is not missed.
    /// </summary>
    public static DateTimeOffset ReadFrom(Checkpoint checkpoint, TimeSpan overlap) =>
        checkpoint.CursorTicks == 0
            ? new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(checkpoint.CursorTicks, TimeSpan.Zero) - overlap;

    /// <summary>Versions sort as strings: zero-padded UTC ticks.</summary>
    public static string Version(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
