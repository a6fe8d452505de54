using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// <c>orderCancel(orderId, reason, refund, restock, notifyCustomer, staffNote)</c> (2025-01 signature). Shopify runs
/// the cancellation as a job and answers with the job (not done yet); the mirror does the work before it
/// answers, so <c>job(id)</c> reports it done. Unshipped units come off the order (back to available when
/// <c>restock</c>), the payment is refunded when <c>refund</c>, the order is archived; orders/cancelled,
/// refunds/create and orders/updated are raised.
/// </summary>
public static class CancelOrder
{
    public sealed record Request(string OrderId, string Reason, bool Refund, bool Restock, bool NotifyCustomer, string? StaffNote);

    public sealed record Payload(JobValue? Job, IReadOnlyList<UserErrorValue> Errors);

    /// <summary>Shopify's limit on the staff note.</summary>
    public const int MaxStaffNote = 255;

    /// <summary>Whether the order can be cancelled; pure.</summary>
    public static IReadOnlyList<UserErrorValue> Decide(Request request, OrderRecord? order, bool hasShipments)
    {
        if (order is null)
        {
            return [new UserErrorValue(["orderId"], "Order does not exist", "NOT_FOUND")];
        }
        if (order.CancelledAt is not null)
        {
            return [new UserErrorValue(["orderId"], "Order has already been cancelled", "INVALID")];
        }
        if (hasShipments)
        {
            return [new UserErrorValue(["orderId"], "Cannot cancel an order with fulfillments. Cancel the fulfillments first.", "INVALID")];
        }
        if (request.StaffNote is { Length: > MaxStaffNote })
        {
            return [new UserErrorValue(["staffNote"], $"Staff note is too long (maximum is {MaxStaffNote} characters)", "INVALID")];
        }
        return [];
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var orderId = Gid.TryParse(request.OrderId, "Order") ?? 0;
        var rows = await OrderRows.LoadAsync(db, [orderId], tracked: true, ct);
        var order = rows.Orders.FirstOrDefault();
        var errors = Decide(request, order, rows.Fulfillments.Any(f => f.Status == "SUCCESS"));
        if (order is null || errors.Count > 0)
        {
            return new Payload(null, errors);
        }

        var now = shop.Clock.GetUtcNow();
        var ids = new IdAllocator(db);
        var inventory = new OrderInventory(shop);
        await inventory.LoadAsync(rows.Lines.Select(l => l.InventoryItemId).ToHashSet(), ct);
        var refundId = await ids.NextAsync<RefundRecord>(IdRanges.Refund, ct);
        var removed = new List<string>();
        var refundLines = new List<RefundLineRecord>();
        foreach (var line in rows.Lines.Where(l => l.UnfulfilledQuantity > 0).ToList())
        {
            var quantity = line.UnfulfilledQuantity;
            foreach (var (locationId, taken) in FulfillmentOrderChanges.TakeUnshipped(rows, line.Id, quantity, FulfillmentOrderStatuses.Cancelled, now))
            {
                if (inventory.Level(line.InventoryItemId, locationId) is { } level)
                {
                    inventory.Release(level, taken, request.Restock, line.Sku);
                }
                refundLines.Add(new RefundLineRecord
                {
                    Id = await ids.NextAsync<RefundLineRecord>(IdRanges.RefundLineItem, ct),
                    RefundId = refundId,
                    LineItemId = line.Id,
                    Quantity = taken,
                    RestockType = request.Restock ? RestockTypes.Cancel : RestockTypes.NoRestock,
                    LocationId = locationId,
                    Restocked = request.Restock,
                    Subtotal = line.Price * taken,
                    TotalTax = Math.Round(line.TaxAmount / line.Quantity * taken, 2, MidpointRounding.AwayFromZero),
                });
            }
            line.RemovedQuantity += quantity;
            removed.Add($"{line.Sku} x{quantity}");
        }
        var amount = request.Refund ? order.TotalReceived - order.TotalRefunded : 0m;
        RefundRecord? refund = null;
        if (refundLines.Count > 0 || amount > 0)
        {
            // Shopify records a cancellation's restock and money as a refund of the order.
            refund = rows.Add(db, new RefundRecord { Id = refundId, OrderId = order.Id, TotalRefunded = amount, CreatedAt = now, UpdatedAt = now });
            foreach (var refundLine in refundLines)
            {
                rows.Add(db, refundLine);
            }
            if (amount > 0)
            {
                rows.Add(db, new TransactionRecord
                {
                    Id = await ids.NextAsync<TransactionRecord>(IdRanges.Transaction, ct),
                    OrderId = order.Id,
                    RefundId = refundId,
                    ParentId = rows.Transactions.FirstOrDefault(t => t.Kind == "SALE")?.Id,
                    Kind = "REFUND",
                    Gateway = order.Gateway,
                    Amount = amount,
                    CreatedAt = now,
                });
                order.TotalRefunded += amount;
            }
        }
        foreach (var fo in rows.FulfillmentOrders.Where(f => f.Status is FulfillmentOrderStatuses.Open or FulfillmentOrderStatuses.InProgress))
        {
            fo.Status = FulfillmentOrderStatuses.Cancelled;
            fo.UpdatedAt = now;
        }
        order.CancelledAt = now;
        order.CancelReason = request.Reason;
        order.StaffNote = request.StaffNote;
        OrderProgress.Update(order, rows.Lines, rows.RefundLines, now);

        var node = (await shop.Orders.ComposeAsync(rows, ct))[0];
        var orderPayload = new Lazy<string>(() => OrderPayloads.Order(node, shop.Settings, shop.Clock));
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.OrdersCancelled, () => orderPayload.Value, ct);
        if (refund is not null)
        {
            var refundNode = node.Refunds.First(r => r.Row.Id == refund.Id);
            await shop.Webhooks.EnqueueAsync(db, WebhookTopics.RefundsCreate, () => OrderEventPayloads.Refund(refundNode, shop.Clock), ct);
        }
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.OrdersUpdated, () => orderPayload.Value, ct);
        await inventory.EnqueueWebhooksAsync(ct);
        await db.SaveChangesAsync(ct);

        var what = removed.Count == 0 ? "nothing to release" : $"{(request.Restock ? "restocked" : "released without restock")}: {string.Join(", ", removed)}";
        var money = amount > 0 ? $", refunded {MoneyGraphType.Format(amount)} {order.Currency}" : string.Empty;
        shop.Ledger.RecordEffect($"order {order.Name} cancelled ({request.Reason}), {what}{money}", "orderCancel");
        inventory.RecordEffects("orderCancel");
        shop.Webhooks.Notify();
        // Shopify answers before its job has run: the job is reported not done; job(id) says it is.
        return new Payload(new JobValue(Gid.Job("orderCancel", order.Id), Done: false), []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<OrderCancelPayloadGraphType>("orderCancel")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<NonNullGraphType<BooleanGraphType>>("refund")
            .Argument<NonNullGraphType<BooleanGraphType>>("restock")
            .Argument<NonNullGraphType<OrderCancelReasonGraphType>>("reason")
            .Argument<BooleanGraphType>("notifyCustomer", a => a.DefaultValue = false)
            .Argument<StringGraphType>("staffNote", a => a.DefaultValue = null)
            .ResolveAsync(async c => await ExecuteAsync(c.Shop(), new Request(
                c.GetArgument<string>("orderId"),
                c.GetArgument<string>("reason"),
                c.GetArgument<bool>("refund"),
                c.GetArgument<bool>("restock"),
                c.GetArgument<bool?>("notifyCustomer") ?? false,
                c.GetArgument<string?>("staffNote")), c.CancellationToken));
    }
}

public sealed class OrderCancelUserErrorGraphType() : CodedUserErrorGraphType<OrderCancelUserErrorCodeGraphType>("OrderCancelUserError");

public sealed class OrderCancelPayloadGraphType : ObjectGraphType<CancelOrder.Payload>
{
    public OrderCancelPayloadGraphType()
    {
        Name = "OrderCancelPayload";
        Field<JobGraphType>("job").Resolve(c => c.Source.Job);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderCancelUserErrorGraphType>>>>("orderCancelUserErrors").Resolve(c => c.Source.Errors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors")
            .Resolve(c => c.Source.Errors)
            .DeprecationReason("Use `orderCancelUserErrors` instead.");
    }
}
