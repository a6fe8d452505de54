using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>
/// Which dead letters or data errors to replay: one by <see cref="Id"/>, those matching a filter (any
/// combination of <see cref="Process"/>, <see cref="Key"/> and <see cref="ReasonContains"/>), or <see cref="All"/>.
/// </summary>
public sealed record ReplaySelection(long? Id = null, string? Process = null, string? Key = null, string? ReasonContains = null, bool? All = null)
{
    /// <summary>Why the selection cannot be run (empty or contradictory), or null when it can.</summary>
    public IReadOnlyDictionary<string, string[]>? Problems()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var isFiltered = Process is not null || Key is not null || ReasonContains is not null;
        foreach (var (name, value) in new[] { ("process", Process), ("key", Key), ("reasonContains", ReasonContains) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                errors[name] = ["must not be blank; leave it out to match any"];
            }
        }
        if (All == false)
        {
            errors["all"] = ["only true selects anything; leave it out instead"];
        }
        if (All == true && (Id is not null || isFiltered))
        {
            errors["all"] = ["all cannot be combined with an id or a filter"];
        }
        if (Id is not null && isFiltered)
        {
            errors["id"] = ["an id cannot be combined with a filter"];
        }
        if (Id is null && !isFiltered && All is null)
        {
            errors[string.Empty] = ["select one (id), a filter (process, key, reasonContains) or all (all: true)"];
        }
        return errors.Count == 0 ? null : errors;
    }
}

/// <summary>One change put back into the queue.</summary>
public sealed record ReplayedChange(long WorkItemId, string Process, string Key, string Version);

/// <summary>What a replay did: how many changes went back into the queue, and which.</summary>
public sealed record ReplayResult(int Replayed, IReadOnlyList<string> Keys, IReadOnlyList<ReplayedChange> Changes);

/// <summary>
/// Puts dead-lettered or failed changes back into the work queue as fresh attempts: attempts reset, due now
/// on the business clock. The change keeps its version, so the pump's stale check still applies: a key
/// applied since at a newer version drops the replayed change instead of applying it again.
/// </summary>
public static class Replay
{
    /// <summary>Replays the selected dead letters; they leave the dead letters in the same transaction.</summary>
    public static async Task<ReplayResult> DeadLettersAsync(EngineDb db, ReplaySelection selection, long nowTicks, CancellationToken ct)
    {
        var query = db.WorkItems.Where(w => w.State == WorkState.DeadLettered);
        if (selection.Id is { } id)
        {
            query = query.Where(w => w.Id == id);
        }
        query = Filter(query, selection.Process, selection.Key);
        var letters = await query.OrderBy(w => w.Id).ToListAsync(ct);
        if (selection.ReasonContains is { } reason)
        {
            letters = letters.Where(w => w.LastError?.Contains(reason, StringComparison.OrdinalIgnoreCase) == true).ToList();
        }
        return await RequeueAsync(db, letters, nowTicks, ct);
    }

    /// <summary>
    /// Replays the records behind the selected data errors (after the data was fixed elsewhere): the newest
    /// change known for each (process, key) is queued again, and the key's data errors are removed; if it
    /// still fails, it reports again.
    /// </summary>
    public static async Task<ReplayResult> DataErrorsAsync(EngineDb db, ReplaySelection selection, long nowTicks, CancellationToken ct)
    {
        var query = db.DataErrors.AsQueryable();
        if (selection.Id is { } id)
        {
            query = query.Where(d => d.Id == id);
        }
        if (selection.Process is { } processName)
        {
            query = query.Where(d => d.Process == processName);
        }
        if (selection.Key is { } keyName)
        {
            query = query.Where(d => d.Key == keyName);
        }
        var errors = await query.OrderBy(d => d.Id).ToListAsync(ct);
        if (selection.ReasonContains is { } reason)
        {
            errors = errors.Where(d => d.Message.Contains(reason, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        var records = errors.Select(d => (d.Process, d.Key)).Distinct().ToList();
        var failed = new List<WorkItem>();
        foreach (var (process, key) in records)
        {
            var newest = await db.WorkItems.Where(w => w.Process == process && w.Key == key).ToListAsync(ct);
            // Only a record whose newest change failed is replayed; a newer one queued or applied speaks for it.
            if (newest.MaxBy(w => w.Version, StringComparer.Ordinal) is { State: WorkState.Failed } latest)
            {
                failed.Add(latest);
                db.DataErrors.RemoveRange(await db.DataErrors.Where(d => d.Process == process && d.Key == key).ToListAsync(ct));
            }
        }
        return await RequeueAsync(db, failed, nowTicks, ct);
    }

    private static IQueryable<WorkItem> Filter(IQueryable<WorkItem> query, string? process, string? key)
    {
        if (process is not null)
        {
            query = query.Where(w => w.Process == process);
        }
        return key is null ? query : query.Where(w => w.Key == key);
    }

    private static async Task<ReplayResult> RequeueAsync(EngineDb db, List<WorkItem> items, long nowTicks, CancellationToken ct)
    {
        foreach (var item in items)
        {
            item.State = WorkState.Pending;
            item.Attempts = 0;
            item.DueAtTicks = nowTicks;
            item.LastError = null;
            item.DispatchedAtTicks = 0;
        }
        // One SaveChanges, one transaction: back in the queue exactly when out of the dead letters (or data errors).
        await db.SaveChangesAsync(ct);
        var changes = items.Select(w => new ReplayedChange(w.Id, w.Process, w.Key, w.Version)).ToList();
        return new ReplayResult(changes.Count, changes.Select(c => c.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), changes);
    }
}
