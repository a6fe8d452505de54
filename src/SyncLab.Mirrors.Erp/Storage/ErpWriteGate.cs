using Microsoft.EntityFrameworkCore;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>
/// Writes to the company happen one at a time, as table locks make them in the real ERP. The gate also
/// hands out the row versions behind ETags and the insertion numbers of each table.
/// </summary>
internal sealed class ErpWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Type, long> _sequences = [];
    private long? _version;

    public async Task<Lease> EnterAsync(ErpDb db, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _version ??= new[]
            {
                await db.Items.MaxAsync(i => (long?)i.Version, cancellationToken) ?? 0,
                await db.Customers.MaxAsync(c => (long?)c.Version, cancellationToken) ?? 0,
                await db.SalesOrders.MaxAsync(o => (long?)o.Version, cancellationToken) ?? 0,
                await db.SalesDocuments.MaxAsync(d => (long?)d.Version, cancellationToken) ?? 0,
                await db.Subscriptions.MaxAsync(s => (long?)s.Version, cancellationToken) ?? 0,
            }.Max();
            return new Lease(this, db);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Held while writing; disposing it lets the next writer in.</summary>
    internal sealed class Lease(ErpWriteGate owner, ErpDb db) : IDisposable
    {
        private bool _released;

        public long NextVersion() => (owner._version = owner._version!.Value + 1).Value;

        public async Task<long> NextSeqAsync<T>(CancellationToken cancellationToken)
            where T : class, ISequenced
        {
            if (!owner._sequences.TryGetValue(typeof(T), out var last))
            {
                last = await db.Set<T>().MaxAsync(r => (long?)r.Seq, cancellationToken) ?? 0;
            }
            owner._sequences[typeof(T)] = ++last;
            return last;
        }

        /// <summary>After the company was seeded again: versions and insertion numbers are read afresh.</summary>
        public void Forget()
        {
            owner._version = null;
            owner._sequences.Clear();
        }

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                owner._gate.Release();
            }
        }
    }
}
