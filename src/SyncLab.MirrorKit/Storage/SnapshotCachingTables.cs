// EF Core's InMemory provider has no public extension point for its tables; its "internal" services are
// the documented way to change how they behave (EF1001 marks them as such).
#pragma warning disable EF1001

using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.InMemory.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.InMemory.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace SyncLab.MirrorKit.Storage;

/// <summary>
/// Makes EF Core InMemory tables keep the row snapshot every query starts from, and carry it forward on writes.
/// Out of the box, each query of a table copies every row (a new array per row, under the store's lock): on a
/// 50,000-SKU estate every single-SKU read or write cost time and garbage proportional to the estate, and full
/// GCs paused every worker at once. Now queries share one snapshot, and a created or updated row replaces
/// only its own slot in a new version of it (one chunk of rows is copied, not the table); a delete rebuilds it.
/// What a query sees is unchanged: a query still works on a snapshot that later writes do not touch.
/// </summary>
internal sealed class SnapshotCachingTableFactory(ILoggingOptions logging, IInMemorySingletonOptions options) : IInMemoryTableFactory
{
    private readonly bool _sensitiveLogging = logging.IsSensitiveDataLoggingEnabled;
    private readonly bool _nullabilityCheck = options.IsNullabilityCheckEnabled;

    public IInMemoryTable Create(IEntityType entityType, IInMemoryTable? baseTable)
    {
        var keyType = entityType.FindPrimaryKey()!.GetKeyType();
        var tableType = typeof(SnapshotCachingTable<>).MakeGenericType(keyType);
        return (IInMemoryTable)Activator.CreateInstance(tableType, entityType, baseTable, _sensitiveLogging, _nullabilityCheck)!;
    }
}

/// <summary>What <see cref="StoreLookup"/> asks of a table: the rows of its current snapshot whose column holds one of some values.</summary>
internal interface IRowLookup
{
    List<object?[]> RowsWhere(int column, IEnumerable<object> values);
}

/// <summary>An InMemory table whose query snapshot is versioned: writes make a new version instead of dropping it.</summary>
internal sealed class SnapshotCachingTable<TKey> : InMemoryTable<TKey>, IRowLookup
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly IProperty[] _properties;
    private readonly int[] _keyColumns;
    private ChunkedRows? _snapshot;
    private Dictionary<RowKey, int>? _positions;

    // Column → value → positions in the snapshot, built the first time a column is looked up and kept up to date
    // by every write after it (a delete rebuilds them with the snapshot).
    private Dictionary<int, Dictionary<object, List<int>>>? _lookups;

    public SnapshotCachingTable(IEntityType entityType, IInMemoryTable? baseTable, bool sensitiveLoggingEnabled, bool nullabilityCheckEnabled)
        : base(entityType, baseTable, sensitiveLoggingEnabled, nullabilityCheckEnabled)
    {
        // The order of a snapshot row's values, as the provider's own snapshot lays them out.
        _properties = entityType.GetFlattenedProperties().ToArray();
        _keyColumns = entityType.FindPrimaryKey()!.Properties.Select(p => Array.IndexOf(_properties, p)).ToArray();
    }

    public List<object?[]> RowsWhere(int column, IEnumerable<object> values)
    {
        lock (_gate)
        {
            var snapshot = Snapshot();
            _lookups ??= [];
            if (!_lookups.TryGetValue(column, out var lookup))
            {
                lookup = [];
                for (var i = 0; i < snapshot.Count; i++)
                {
                    Index(lookup, snapshot[i][column], i);
                }
                _lookups[column] = lookup;
            }
            var rows = new List<object?[]>();
            foreach (var value in values)
            {
                if (lookup.TryGetValue(value, out var positions))
                {
                    rows.AddRange(positions.Select(p => snapshot[p]));
                }
            }
            return rows;
        }
    }

    private static void Index(Dictionary<object, List<int>> lookup, object? value, int position)
    {
        if (value is null)
        {
            return;
        }
        if (!lookup.TryGetValue(value, out var positions))
        {
            lookup[value] = positions = new List<int>(1);
        }
        positions.Add(position);
    }

    /// <summary>Keeps the lookups built so far in step with a row written at <paramref name="position"/>.</summary>
    private void Reindex(object?[]? before, object?[] after, int position)
    {
        foreach (var (column, lookup) in _lookups ?? [])
        {
            if (before is not null && Equals(before[column], after[column]))
            {
                continue;
            }
            if (before?[column] is { } old && lookup.TryGetValue(old, out var positions))
            {
                positions.Remove(position);
            }
            Index(lookup, after[column], position);
        }
    }

    public override IReadOnlyList<object?[]> SnapshotRows()
    {
        lock (_gate)
        {
            return Snapshot();
        }
    }

    /// <summary>The current snapshot, made if a write dropped it; the caller holds the gate.</summary>
    private ChunkedRows Snapshot()
    {
        if (_snapshot is null)
        {
            var rows = base.SnapshotRows();
            _snapshot = ChunkedRows.From(rows, this);
            _positions = new Dictionary<RowKey, int>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                _positions[KeyOf(rows[i])] = i;
            }
        }
        return _snapshot;
    }

    public override void Create(IUpdateEntry entry, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    {
        lock (_gate)
        {
            base.Create(entry, updateLogger);
            if (_snapshot is not null)
            {
                var row = RowOf(entry, previous: null);
                _positions![KeyOf(row)] = _snapshot.Count;
                Reindex(null, row, _snapshot.Count);
                _snapshot = _snapshot.Add(row);
            }
        }
    }

    public override void Update(IUpdateEntry entry, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    {
        lock (_gate)
        {
            base.Update(entry, updateLogger);
            if (_snapshot is not null)
            {
                var key = KeyOf(RowOf(entry, previous: null));
                if (_positions!.TryGetValue(key, out var index))
                {
                    var row = RowOf(entry, previous: _snapshot[index]);
                    Reindex(_snapshot[index], row, index);
                    _snapshot = _snapshot.With(index, row);
                }
                else
                {
                    Invalidate();
                }
            }
        }
    }

    public override void Delete(IUpdateEntry entry, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    {
        lock (_gate)
        {
            base.Delete(entry, updateLogger);
            Invalidate();
        }
    }

    private void Invalidate()
    {
        _snapshot = null;
        _positions = null;
        _lookups = null;
    }

    /// <summary>
    /// The row a fresh snapshot would hold after this write, as the provider stores it: a created row takes every
    /// value from the entry; an updated one only its modified values, the rest staying as they were (an entity
    /// attached as a stub knows only what it changes). Values of mutable types are snapshotted.
    /// </summary>
    private object?[] RowOf(IUpdateEntry entry, object?[]? previous)
    {
        var row = new object?[_properties.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var property = _properties[i];
            row[i] = previous is null || entry.IsModified(property)
                ? property.GetValueComparer().Snapshot(entry.GetCurrentValue(property))
                : previous[i];
        }
        return row;
    }

    private RowKey KeyOf(object?[] row)
    {
        if (_keyColumns.Length == 1)
        {
            return new RowKey(row[_keyColumns[0]], null);
        }
        var values = new object?[_keyColumns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = row[_keyColumns[i]];
        }
        return new RowKey(null, values);
    }

    /// <summary>A primary key by value: one column, or several compared column by column.</summary>
    private readonly struct RowKey(object? single, object?[]? composite) : IEquatable<RowKey>
    {
        public bool Equals(RowKey other) =>
            composite is null
                ? Equals(single, other.Single)
                : other.Composite is { } theirs && composite.AsSpan().SequenceEqual(theirs);

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            if (composite is null)
            {
                return single?.GetHashCode() ?? 0;
            }
            var hash = new HashCode();
            foreach (var value in composite)
            {
                hash.Add(value);
            }
            return hash.ToHashCode();
        }

        private object? Single => single;

        private object?[]? Composite => composite;
    }
}

/// <summary>
/// An immutable list of rows kept in fixed-size chunks: replacing or adding a row copies one chunk and the
/// chunk index, so a new version costs a few kilobytes however large the table is, and readers of an older
/// version never see the change.
/// </summary>
internal sealed class ChunkedRows : IReadOnlyList<object?[]>
{
    private const int Shift = 10;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly object?[][][] _chunks;

    private ChunkedRows(object?[][][] chunks, int count, IRowLookup? owner)
    {
        _chunks = chunks;
        Count = count;
        Owner = owner;
    }

    /// <summary>The table this is a version of: how <see cref="StoreLookup"/> finds it from the store's snapshot of it.</summary>
    public IRowLookup? Owner { get; }

    public int Count { get; }

    public object?[] this[int index] =>
        (uint)index < (uint)Count ? _chunks[index >> Shift][index & Mask] : throw new ArgumentOutOfRangeException(nameof(index));

    public static ChunkedRows From(IReadOnlyList<object?[]> rows, IRowLookup? owner = null)
    {
        var chunks = new object?[(rows.Count + Mask) >> Shift][][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new object?[ChunkSize][];
        }
        for (var i = 0; i < rows.Count; i++)
        {
            chunks[i >> Shift][i & Mask] = rows[i];
        }
        return new ChunkedRows(chunks, rows.Count, owner);
    }

    /// <summary>This version with row <paramref name="index"/> replaced.</summary>
    public ChunkedRows With(int index, object?[] row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var chunks = (object?[][][])_chunks.Clone();
        var chunk = (object?[][])chunks[index >> Shift].Clone();
        chunk[index & Mask] = row;
        chunks[index >> Shift] = chunk;
        return new ChunkedRows(chunks, Count, Owner);
    }

    /// <summary>This version with <paramref name="row"/> added at the end.</summary>
    public ChunkedRows Add(object?[] row)
    {
        var index = Count;
        object?[][][] chunks;
        if ((index & Mask) == 0)
        {
            chunks = new object?[_chunks.Length + 1][][];
            Array.Copy(_chunks, chunks, _chunks.Length);
            chunks[^1] = new object?[ChunkSize][];
        }
        else
        {
            chunks = (object?[][][])_chunks.Clone();
            chunks[index >> Shift] = (object?[][])chunks[index >> Shift].Clone();
        }
        chunks[index >> Shift][index & Mask] = row;
        return new ChunkedRows(chunks, Count + 1, Owner);
    }

    public IEnumerator<object?[]> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _chunks[i >> Shift][i & Mask];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
