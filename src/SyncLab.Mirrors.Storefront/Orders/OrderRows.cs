using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// The rows of some orders, all kinds together. Queries load it untracked; mutations load it tracked,
/// change it and add to it (<see cref="Add{T}"/>), then compose nodes from it before saving, so their
/// payload and webhooks show the state they are about to commit.
/// </summary>
public sealed class OrderRows
{
    public List<OrderRecord> Orders { get; } = [];

    public List<OrderLineRecord> Lines { get; } = [];

    public List<FulfillmentOrderRecord> FulfillmentOrders { get; } = [];

    public List<FulfillmentOrderLineRecord> FulfillmentOrderLines { get; } = [];

    public List<FulfillmentRecord> Fulfillments { get; } = [];

    public List<FulfillmentLineRecord> FulfillmentLines { get; } = [];

    public List<RefundRecord> Refunds { get; } = [];

    public List<RefundLineRecord> RefundLines { get; } = [];

    public List<TransactionRecord> Transactions { get; } = [];

    /// <summary>The orders' shipping addresses.</summary>
    public List<AddressRecord> Addresses { get; } = [];

    public static async Task<OrderRows> LoadAsync(StorefrontDb db, IReadOnlyCollection<long> orderIds, bool tracked, CancellationToken ct)
    {
        var rows = new OrderRows();
        if (orderIds.Count == 0)
        {
            return rows;
        }
        IQueryable<T> Set<T>() where T : class => tracked ? db.Set<T>() : db.Set<T>().AsNoTracking();
        rows.Orders.AddRange(await Set<OrderRecord>().Where(o => orderIds.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct));
        rows.Lines.AddRange(await Set<OrderLineRecord>().Where(l => orderIds.Contains(l.OrderId)).OrderBy(l => l.Id).ToListAsync(ct));
        rows.FulfillmentOrders.AddRange(await Set<FulfillmentOrderRecord>().Where(f => orderIds.Contains(f.OrderId)).OrderBy(f => f.Id).ToListAsync(ct));
        var foIds = rows.FulfillmentOrders.Select(f => f.Id).ToHashSet();
        rows.FulfillmentOrderLines.AddRange(await Set<FulfillmentOrderLineRecord>().Where(f => foIds.Contains(f.FulfillmentOrderId)).OrderBy(f => f.Id).ToListAsync(ct));
        rows.Fulfillments.AddRange(await Set<FulfillmentRecord>().Where(f => orderIds.Contains(f.OrderId)).OrderBy(f => f.Id).ToListAsync(ct));
        var fulfillmentIds = rows.Fulfillments.Select(f => f.Id).ToHashSet();
        rows.FulfillmentLines.AddRange(await Set<FulfillmentLineRecord>().Where(f => fulfillmentIds.Contains(f.FulfillmentId)).OrderBy(f => f.Id).ToListAsync(ct));
        rows.Refunds.AddRange(await Set<RefundRecord>().Where(r => orderIds.Contains(r.OrderId)).OrderBy(r => r.Id).ToListAsync(ct));
        var refundIds = rows.Refunds.Select(r => r.Id).ToHashSet();
        rows.RefundLines.AddRange(await Set<RefundLineRecord>().Where(r => refundIds.Contains(r.RefundId)).OrderBy(r => r.Id).ToListAsync(ct));
        rows.Transactions.AddRange(await Set<TransactionRecord>().Where(t => orderIds.Contains(t.OrderId)).OrderBy(t => t.Id).ToListAsync(ct));
        rows.Addresses.AddRange(await Set<AddressRecord>().Where(a => a.OrderId != null && orderIds.Contains(a.OrderId.Value)).ToListAsync(ct));
        return rows;
    }

    /// <summary>Adds a new row to the unit of work and to these rows.</summary>
    public T Add<T>(StorefrontDb db, T row) where T : class
    {
        db.Add(row);
        switch (row)
        {
            case OrderRecord r: Orders.Add(r); break;
            case OrderLineRecord r: Lines.Add(r); break;
            case FulfillmentOrderRecord r: FulfillmentOrders.Add(r); break;
            case FulfillmentOrderLineRecord r: FulfillmentOrderLines.Add(r); break;
            case FulfillmentRecord r: Fulfillments.Add(r); break;
            case FulfillmentLineRecord r: FulfillmentLines.Add(r); break;
            case RefundRecord r: Refunds.Add(r); break;
            case RefundLineRecord r: RefundLines.Add(r); break;
            case TransactionRecord r: Transactions.Add(r); break;
            case AddressRecord r: Addresses.Add(r); break;
            default: throw new ArgumentException($"{typeof(T).Name} is not an order row.", nameof(row));
        }
        return row;
    }
}

/// <summary>
/// Hands out the next id of each kind for one unit of work: the highest stored id (or the kind's range)
/// plus one. The shop's writes are serialised, so two units never take the same id.
/// </summary>
public sealed class IdAllocator(StorefrontDb db)
{
    private readonly Dictionary<Type, long> _last = [];

    public async Task<long> NextAsync<T>(long range, CancellationToken ct) where T : class
    {
        if (!_last.TryGetValue(typeof(T), out var last))
        {
            var max = await db.Set<T>().Select(e => (long?)EF.Property<long>(e, "Id")).MaxAsync(ct);
            last = Math.Max(max ?? range, range);
        }
        _last[typeof(T)] = ++last;
        return last;
    }
}
