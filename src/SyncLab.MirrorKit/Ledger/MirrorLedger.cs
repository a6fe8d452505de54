namespace SyncLab.MirrorKit.Ledger;

/// <summary>One thing that really happened at a mirror: a call it answered, or an effect it had.</summary>
public sealed record LedgerEntry(
    long Sequence,
    DateTimeOffset At,
    string Kind,
    string Method,
    string Path,
    int Status,
    string Summary);

/// <summary>
/// What a mirror did, in order, so tests assert on what really happened rather than on what a
/// client believes it sent. Bounded: the oldest entries go first once <see cref="Capacity"/> is reached.
/// </summary>
public sealed class MirrorLedger(TimeProvider clock, int capacity = 50_000)
{
    private readonly Lock _gate = new();
    private readonly Queue<LedgerEntry> _entries = new();
    private long _sequence;

    public int Capacity { get; } = capacity;

    public LedgerEntry RecordCall(string method, string path, int status) =>
        Append("call", method, path, status, string.Empty);

    public LedgerEntry RecordEffect(string summary, string path = "") =>
        Append("effect", string.Empty, path, 0, summary);

    /// <summary>A fault SyncLab injected on purpose (see docs/faults.md), so a test can tell it from a real failure.</summary>
    public LedgerEntry RecordFault(string method, string path, int status, string summary) =>
        Append("fault", method, path, status, summary);

    public IReadOnlyList<LedgerEntry> Since(long afterSequence, int limit = 1000)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.Sequence > afterSequence).Take(limit).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private LedgerEntry Append(string kind, string method, string path, int status, string summary)
    {
        lock (_gate)
        {
            var entry = new LedgerEntry(++_sequence, clock.GetUtcNow(), kind, method, path, status, summary);
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
            return entry;
        }
    }
}
