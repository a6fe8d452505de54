using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>
/// What a round of work needs to know about its keys, read in three queries at its start instead of three per
/// work item: the applied versions, which keys have older versions due in the same round, and which keys have
/// data errors to clear once a later version applies. Only the pump's round changes these for its keys.
/// </summary>
internal sealed class RoundFacts
{
    public required IReadOnlyDictionary<(string Process, string Key), AppliedVersion> Applied { get; init; }

    public required IReadOnlySet<(string Process, string Key)> Superseding { get; init; }

    public required IReadOnlySet<(string Process, string Key)> Reported { get; init; }

    public static async Task<RoundFacts> ReadAsync(EngineDb db, IReadOnlyList<WorkItem> heads, IEnumerable<(string Process, string Key)> superseding, CancellationToken ct)
    {
        var keys = heads.Select(h => h.Key).Distinct(StringComparer.Ordinal).ToList();
        var wanted = heads.Select(h => (h.Process, h.Key)).ToHashSet();
        var applied = keys.Count == 0
            ? []
            : await db.AppliedVersions.AsNoTracking().Where(a => keys.Contains(a.Key)).ToListAsync(ct);
        var reported = keys.Count == 0
            ? []
            : await db.DataErrors.AsNoTracking().Where(e => keys.Contains(e.Key)).Select(e => new { e.Process, e.Key }).Distinct().ToListAsync(ct);
        return new RoundFacts
        {
            Applied = applied.Where(a => wanted.Contains((a.Process, a.Key))).ToDictionary(a => (a.Process, a.Key)),
            Superseding = superseding.ToHashSet(),
            Reported = reported.Select(e => (e.Process, e.Key)).ToHashSet(),
        };
    }
}
