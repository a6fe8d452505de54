using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// Reads orders for one request. A page of orders is loaded whole (every kind of order row, customers,
/// variants, locations) in a fixed number of queries, whatever the page size.
/// </summary>
public sealed class OrderReader(StorefrontDb db, CatalogReader catalog, CustomerReader customers)
{
    /// <summary>A page of orders in <paramref name="sortKey"/> order (see <see cref="OrderSortKeys"/>).</summary>
    public async Task<Page<OrderNode>> OrdersAsync(SearchQuery query, PageRequest page, string sortKey, CancellationToken ct)
    {
        var filtered = db.Orders.AsNoTracking().Where(await OrderSearch.FilterAsync(db, query, ct));
        var rows = sortKey == OrderSortKeys.UpdatedAt
            ? await ByUpdatedAtAsync(filtered, page, ct)
            : await Cursors.PageAsync(filtered, o => o.Id, page, ct);
        var composed = await ComposeAsync(await OrderRows.LoadAsync(db, rows.Items.Select(o => o.Id).ToList(), tracked: false, ct), ct);
        var nodes = composed.ToDictionary(n => n.Row.Id);
        return rows.With<OrderNode>([.. rows.Items.Select(o => nodes[o.Id])], o => o.Row.Id, rows.Value is null ? null : o => Cursors.InstantValue(o.Row.UpdatedAt));
    }

    /// <summary>
    /// Orders by <c>updatedAt</c>, ties by id; the cursor carries both (its <c>last_value</c> the instant), so a page
    /// starts exactly after the last order of the one before even when an order was updated in between.
    /// </summary>
    private static async Task<Page<OrderRecord>> ByUpdatedAtAsync(IQueryable<OrderRecord> orders, PageRequest page, CancellationToken ct)
    {
        if (page.AfterId is { } afterId)
        {
            var afterAt = Cursors.ParseInstant(page.AfterValue) ?? throw GraphApi.ResolveContextExtensions.InvalidCursor();
            orders = page.Reverse
                ? orders.Where(o => o.UpdatedAt < afterAt || (o.UpdatedAt == afterAt && o.Id < afterId))
                : orders.Where(o => o.UpdatedAt > afterAt || (o.UpdatedAt == afterAt && o.Id > afterId));
        }
        orders = page.Reverse ? orders.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.Id) : orders.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id);
        var rows = await orders.Take(page.First + 1).ToListAsync(ct);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new Page<OrderRecord>(rows, hasNext, page.AfterId is not null, o => o.Id) { Value = o => Cursors.InstantValue(o.UpdatedAt) };
    }

    public async Task<OrderNode?> OrderAsync(long id, CancellationToken ct) =>
        (await ComposeAsync(await OrderRows.LoadAsync(db, [id], tracked: false, ct), ct)).FirstOrDefault();

    public async Task<OrderNode?> OrderByTokenAsync(string token, CancellationToken ct)
    {
        var id = await db.Orders.AsNoTracking().Where(o => o.Token == token).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await OrderAsync(id.Value, ct);
    }

    public async Task<FulfillmentOrderNode?> FulfillmentOrderAsync(long id, CancellationToken ct)
    {
        var orderId = await db.FulfillmentOrders.AsNoTracking().Where(f => f.Id == id).Select(f => (long?)f.OrderId).FirstOrDefaultAsync(ct);
        return orderId is null ? null : (await OrderAsync(orderId.Value, ct))?.FulfillmentOrders.FirstOrDefault(f => f.Row.Id == id);
    }

    /// <summary>
    /// Nodes from rows (loaded or being written). Customers are read from the store unless the caller
    /// passes the ones it is writing (with their unsaved addresses).
    /// </summary>
    public async Task<List<OrderNode>> ComposeAsync(
        OrderRows rows, CancellationToken ct, IReadOnlyList<CustomerRecord>? writing = null, IReadOnlyList<AddressRecord>? writingAddresses = null)
    {
        if (rows.Orders.Count == 0)
        {
            return [];
        }
        var variants = await catalog.VariantsByIdAsync(rows.Lines.Select(l => l.VariantId).OfType<long>().ToHashSet(), ct);
        var locations = (await catalog.AllLocationsAsync(ct)).ToDictionary(l => l.Id);
        var customerIds = rows.Orders.Select(o => o.CustomerId).OfType<long>().ToHashSet();
        var customerRows = writing?.Where(c => customerIds.Contains(c.Id)).ToList() ?? [];
        var missing = customerIds.Where(id => customerRows.All(c => c.Id != id)).ToHashSet();
        customerRows.AddRange(await db.Customers.AsNoTracking().Where(c => missing.Contains(c.Id)).ToListAsync(ct));
        var customerNodes = (await customers.ComposeAsync(customerRows, ct, writingAddresses)).ToDictionary(c => c.Row.Id);

        var nodes = new List<OrderNode>(rows.Orders.Count);
        foreach (var order in rows.Orders.OrderBy(o => o.Id))
        {
            var node = new OrderNode(order)
            {
                Customer = order.CustomerId is { } cid ? customerNodes.GetValueOrDefault(cid) : null,
                ShippingAddress = rows.Addresses.FirstOrDefault(a => a.Id == order.ShippingAddressId),
            };
            foreach (var line in rows.Lines.Where(l => l.OrderId == order.Id).OrderBy(l => l.Position).ThenBy(l => l.Id))
            {
                node.Lines.Add(new LineItemNode(line, node, line.VariantId is { } vid ? variants.GetValueOrDefault(vid) : null));
            }
            foreach (var transaction in rows.Transactions.Where(t => t.OrderId == order.Id).OrderBy(t => t.Id))
            {
                node.Transactions.Add(new TransactionNode(transaction, node));
            }
            foreach (var fo in rows.FulfillmentOrders.Where(f => f.OrderId == order.Id).OrderBy(f => f.Id))
            {
                var foNode = new FulfillmentOrderNode(fo, node, locations.GetValueOrDefault(fo.LocationId));
                foreach (var foLine in rows.FulfillmentOrderLines.Where(l => l.FulfillmentOrderId == fo.Id).OrderBy(l => l.Id))
                {
                    if (node.Line(foLine.LineItemId) is { } line)
                    {
                        foNode.Lines.Add(new FulfillmentOrderLineNode(foLine, foNode, line));
                    }
                }
                node.FulfillmentOrders.Add(foNode);
            }
            foreach (var fulfillment in rows.Fulfillments.Where(f => f.OrderId == order.Id).OrderBy(f => f.Id))
            {
                var fNode = new FulfillmentNode(fulfillment, node, locations.GetValueOrDefault(fulfillment.LocationId));
                foreach (var fLine in rows.FulfillmentLines.Where(l => l.FulfillmentId == fulfillment.Id).OrderBy(l => l.Id))
                {
                    if (node.Line(fLine.LineItemId) is { } line)
                    {
                        fNode.Lines.Add(new FulfillmentLineNode(fLine, line));
                    }
                }
                node.Fulfillments.Add(fNode);
            }
            foreach (var refund in rows.Refunds.Where(r => r.OrderId == order.Id).OrderBy(r => r.Id))
            {
                var rNode = new RefundNode(refund, node);
                foreach (var rLine in rows.RefundLines.Where(l => l.RefundId == refund.Id).OrderBy(l => l.Id))
                {
                    if (node.Line(rLine.LineItemId) is { } line)
                    {
                        rNode.Lines.Add(new RefundLineNode(rLine, line, rLine.LocationId is { } lid ? locations.GetValueOrDefault(lid) : null));
                    }
                }
                rNode.Transactions.AddRange(node.Transactions.Where(t => t.Row.RefundId == refund.Id));
                node.Refunds.Add(rNode);
            }
            nodes.Add(node);
        }
        return nodes;
    }
}
