using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>
/// One cursor poll of a change source: read from the checkpoint (less the overlap), queue what was read, and
/// save the queue rows with the advanced cursor in one transaction — so a crash neither loses nor doubles.
/// </summary>
public static class CursorPoll
{
    /// <param name="read">Reads the changes since the given instant, advancing the checkpoint's cursor as it goes.</param>
    public static async Task<int> RunAsync(
        IDbContextFactory<EngineDb> dbs, string source, TimeProvider clock, TimeSpan overlap,
        Func<DateTimeOffset, Checkpoint, CancellationToken, IAsyncEnumerable<CapturedChange>> read, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkpoint = await WorkQueue.CheckpointAsync(db, source, ct);
        var changes = new List<CapturedChange>();
        await foreach (var change in read(WorkQueue.ReadFrom(checkpoint, overlap), checkpoint, ct))
        {
            changes.Add(change);
        }
        var queued = await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
