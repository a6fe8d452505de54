using System.Collections.Concurrent;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// One writer per shopper e-mail across processes: an order and a storefront customer change of the same new shopper,
/// applied in parallel, must not both create an ERP customer.
/// </summary>
public sealed class ShopperLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string? email, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(ShopperEmail.Normalise(email), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
