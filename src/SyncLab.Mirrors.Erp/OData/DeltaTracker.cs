namespace SyncLab.Mirrors.Erp.OData;

/// <summary>
/// What change tracking needs beyond the rows themselves: which entities were deleted, in order. Changed
/// and added rows are found by their row version (the company-wide counter behind ETags); deleted ones
/// leave a tombstone here, kept for <see cref="ErpMirrorSettings.DeltaLinkLifetime"/>. Tombstones live in
/// memory, so delta links name the instance (<see cref="Epoch"/>): after a restart old links answer 410 Gone.
/// </summary>
internal sealed class DeltaTracker(TimeProvider clock, ErpMirrorSettings settings)
{
    /// <summary>The entity sets that support <c>Prefer: odata.track-changes</c>.</summary>
    public static readonly IReadOnlySet<string> TrackedSets = new HashSet<string>(StringComparer.Ordinal) { "items", "customers", "salesOrders" };

    private readonly Lock _gate = new();
    private readonly Queue<Tombstone> _removed = new();
    private long _sequence;
    private long _prunedThrough;

    public Guid Epoch { get; } = Guid.NewGuid();

    /// <summary>The number of the last tombstone recorded.</summary>
    public long Sequence
    {
        get { lock (_gate) { return _sequence; } }
    }

    /// <summary>Tombstones numbered up to this one were forgotten; links from before it answer 410 Gone.</summary>
    public long PrunedThrough
    {
        get { lock (_gate) { return _prunedThrough; } }
    }

    public void Removed(string entitySet, Guid id)
    {
        if (!TrackedSets.Contains(entitySet))
        {
            return;
        }
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _removed.Enqueue(new Tombstone(++_sequence, entitySet, id, now));
            while (_removed.TryPeek(out var oldest) && now - oldest.At > settings.DeltaLinkLifetime)
            {
                _prunedThrough = _removed.Dequeue().Sequence;
            }
        }
    }

    /// <summary>Ids of <paramref name="entitySet"/> deleted after tombstone <paramref name="after"/> up to <paramref name="upTo"/>, in order.</summary>
    public IReadOnlyList<Guid> RemovedBetween(string entitySet, long after, long upTo)
    {
        lock (_gate)
        {
            return _removed.Where(t => t.Sequence > after && t.Sequence <= upTo && t.EntitySet == entitySet).Select(t => t.Id).Distinct().ToList();
        }
    }

    private sealed record Tombstone(long Sequence, string EntitySet, Guid Id, DateTimeOffset At);
}
