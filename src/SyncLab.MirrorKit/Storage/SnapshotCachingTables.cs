// EF Core's InMemory provider has no public extension point for its tables; its "internal" services are
// the documented way to change how they behave (EF1001 marks them as such).
#pragma warning disable EF1001

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.InMemory.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.InMemory.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace SyncLab.MirrorKit.Storage;

/// <summary>
/// Makes EF Core InMemory tables keep the row snapshot every query starts from until the table changes.
/// Out of the box, each query of a table copies all its rows into a fresh list (under the store's lock): on a
/// 50,000-SKU estate every single-SKU read or write allocated a large-object-heap list per query, so requests
/// cost time proportional to the estate and full GCs paused every worker at once. Reads between writes now
/// share one snapshot; any write to the table drops it. What a query sees is unchanged.
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

/// <summary>An InMemory table that hands every query the same snapshot until a row is created, updated or deleted.</summary>
internal sealed class SnapshotCachingTable<TKey>(IEntityType entityType, IInMemoryTable? baseTable, bool sensitiveLoggingEnabled, bool nullabilityCheckEnabled)
    : InMemoryTable<TKey>(entityType, baseTable, sensitiveLoggingEnabled, nullabilityCheckEnabled)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private IReadOnlyList<object?[]>? _snapshot;

    public override IReadOnlyList<object?[]> SnapshotRows()
    {
        lock (_gate)
        {
            return _snapshot ??= base.SnapshotRows();
        }
    }

    public override void Create(IUpdateEntry entry, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    {
        lock (_gate)
        {
            _snapshot = null;
            base.Create(entry, updateLogger);
        }
    }

    public override void Update(IUpdateEntry entry, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    {
        lock (_gate)
        {
            _snapshot = null;
            base.Update(entry, updateLogger);
        }
    }

    public override void Delete(IUpdateEntry entry, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    {
        lock (_gate)
        {
            _snapshot = null;
            base.Delete(entry, updateLogger);
        }
    }
}
