using System.Globalization;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// <c>refundCreate(input: RefundInput!)</c>: takes units off an order and/or pays money back. Per line,
/// <c>restockType</c> CANCEL takes unshipped units off (committed → available), RETURN takes shipped units back
/// (available rises at <c>locationId</c>, else where they shipped from), NO_RESTOCK takes units off without
/// restocking, LEGACY_RESTOCK cancels what is unshipped and returns the rest. Money moves only through
/// <c>transactions</c> (kind REFUND). Raises refunds/create and orders/updated.
/// </summary>
public static class CreateRefund
{
    public sealed record LineInput(string? LineItemId, int Quantity, string? RestockType, string? LocationId);

    public sealed record TransactionInput(decimal Amount, string? Gateway, string? Kind, string? ParentId);

    public sealed record Request(string OrderId, string? Note, IReadOnlyList<LineInput> Lines, IReadOnlyList<TransactionInput> Transactions);

    public sealed record Payload(OrderNode? Order, RefundNode? Refund, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>One line's share of the refund: unshipped units taken off, shipped units taken back.</summary>
    public sealed record LinePlan(OrderLineRecord Line, int Quantity, string RestockType, int Cancel, int Return, bool Restock, long? LocationId);

    /// <summary>What the refund does, or why it cannot; pure.</summary>
    public static (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<LinePlan> Lines) Decide(
        Request request, OrderRecord? order, IReadOnlyList<OrderLineRecord> lines, IReadOnlySet<long> locationIds)
    {
        if (order is null)
        {
            return ([new UserErrorValue(["orderId"], "Order does not exist")], []);
        }
        var errors = new List<UserErrorValue>();
        var plans = new List<LinePlan>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var input = request.Lines[i];
            string[] Path(string field) => ["refundLineItems", i.ToString(CultureInfo.InvariantCulture), field];
            var line = Gid.TryParse(input.LineItemId, "LineItem") is { } id ? lines.FirstOrDefault(l => l.Id == id) : null;
            if (line is null)
            {
                errors.Add(new UserErrorValue(Path("lineItemId"), "Line item does not exist on this order"));
                continue;
            }
            var already = plans.Where(p => p.Line == line).ToList();
            var unshipped = line.UnfulfilledQuantity - already.Sum(p => p.Cancel);
            var shipped = line.FulfilledQuantity - line.ReturnedQuantity - already.Sum(p => p.Return);
            if (input.Quantity < 1 || input.Quantity > unshipped + shipped)
            {
                errors.Add(new UserErrorValue(Path("quantity"), "Quantity cannot refund more items than were purchased"));
                continue;
            }
            var type = input.RestockType ?? RestockTypes.NoRestock;
            int cancel, back;
            switch (type)
            {
                case RestockTypes.Cancel when input.Quantity > unshipped:
                    errors.Add(new UserErrorValue(Path("quantity"), "Quantity to cancel is greater than the unfulfilled quantity"));
                    continue;
                case RestockTypes.Return when input.Quantity > shipped:
                    errors.Add(new UserErrorValue(Path("quantity"), "Quantity to return is greater than the fulfilled quantity"));
                    continue;
                case RestockTypes.Cancel:
                    (cancel, back) = (input.Quantity, 0);
                    break;
                case RestockTypes.Return:
                    (cancel, back) = (0, input.Quantity);
                    break;
                default:
                    cancel = Math.Min(input.Quantity, unshipped);
                    back = input.Quantity - cancel;
                    break;
            }
            long? locationId = null;
            if (input.LocationId is not null)
            {
                if (Gid.TryParse(input.LocationId, "Location") is not { } l || !locationIds.Contains(l))
                {
                    errors.Add(new UserErrorValue(Path("locationId"), "Location does not exist"));
                    continue;
                }
                locationId = l;
            }
            plans.Add(new LinePlan(line, input.Quantity, type, cancel, back, type != RestockTypes.NoRestock, locationId));
        }

        var refundable = order.TotalReceived - order.TotalRefunded;
        var total = 0m;
        for (var i = 0; i < request.Transactions.Count; i++)
        {
            var t = request.Transactions[i];
            string[] Path(string field) => ["transactions", i.ToString(CultureInfo.InvariantCulture), field];
            if (t.Kind != "REFUND")
            {
                errors.Add(new UserErrorValue(Path("kind"), "Kind must be refund for a refund transaction"));
            }
            else if (t.Amount <= 0)
            {
                errors.Add(new UserErrorValue(Path("amount"), "Amount must be greater than 0"));
            }
            else if ((total += t.Amount) > refundable)
            {
                errors.Add(new UserErrorValue(Path("amount"),
                    $"Amount exceeds the refundable amount ({MoneyGraphType.Format(refundable)} {order.Currency})"));
            }
        }
        if (errors.Count == 0 && plans.Count == 0 && request.Transactions.Count == 0)
        {
            errors.Add(new UserErrorValue(["refundLineItems"], "A refund needs refund line items or transactions"));
        }
        return errors.Count > 0 ? (errors, []) : (errors, plans);
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var orderId = Gid.TryParse(request.OrderId, "Order") ?? 0;
        var rows = await OrderRows.LoadAsync(db, [orderId], tracked: true, ct);
        var order = rows.Orders.FirstOrDefault();
        var locations = (await shop.Catalog.AllLocationsAsync(ct)).Select(l => l.Id).ToHashSet();
        var (errors, plans) = Decide(request, order, rows.Lines, locations);
        if (order is null || errors.Count > 0)
        {
            return new Payload(null, null, errors);
        }

        var now = shop.Clock.GetUtcNow();
        var ids = new IdAllocator(db);
        var inventory = new OrderInventory(shop);
        await inventory.LoadAsync(rows.Lines.Select(l => l.InventoryItemId).ToHashSet(), ct);
        var amount = request.Transactions.Sum(t => t.Amount);
        var refund = rows.Add(db, new RefundRecord
        {
            Id = await ids.NextAsync<RefundRecord>(IdRanges.Refund, ct),
            OrderId = order.Id,
            Note = request.Note,
            TotalRefunded = amount,
            CreatedAt = now,
            UpdatedAt = now,
        });
        var effects = new List<string>();
        foreach (var plan in plans)
        {
            var line = plan.Line;
            long? restockedAt = null;
            if (plan.Cancel > 0)
            {
                foreach (var (locationId, taken) in FulfillmentOrderChanges.TakeUnshipped(rows, line.Id, plan.Cancel, FulfillmentOrderStatuses.Closed, now))
                {
                    if (inventory.Level(line.InventoryItemId, locationId) is { } level)
                    {
                        inventory.Release(level, taken, plan.Restock, line.Sku);
                    }
                    restockedAt ??= locationId;
                }
                line.RemovedQuantity += plan.Cancel;
            }
            if (plan.Return > 0)
            {
                var at = plan.LocationId ?? FulfillmentOrderChanges.ShippedFrom(rows, line.Id);
                if (plan.Restock && at is { } locationId && inventory.Level(line.InventoryItemId, locationId) is { } level)
                {
                    inventory.Restock(level, plan.Return, line.Sku);
                }
                restockedAt = at ?? restockedAt;
                line.ReturnedQuantity += plan.Return;
            }
            rows.Add(db, new RefundLineRecord
            {
                Id = await ids.NextAsync<RefundLineRecord>(IdRanges.RefundLineItem, ct),
                RefundId = refund.Id,
                LineItemId = line.Id,
                Quantity = plan.Quantity,
                RestockType = plan.RestockType,
                LocationId = plan.Restock ? plan.LocationId ?? restockedAt : null,
                Restocked = plan.Restock,
                Subtotal = line.Price * plan.Quantity,
                TotalTax = Math.Round(line.TaxAmount / line.Quantity * plan.Quantity, 2, MidpointRounding.AwayFromZero),
            });
            effects.Add($"{line.Sku} x{plan.Quantity} {plan.RestockType.ToLowerInvariant()}");
        }
        var sale = rows.Transactions.FirstOrDefault(t => t.Kind == "SALE");
        foreach (var t in request.Transactions)
        {
            rows.Add(db, new TransactionRecord
            {
                Id = await ids.NextAsync<TransactionRecord>(IdRanges.Transaction, ct),
                OrderId = order.Id,
                RefundId = refund.Id,
                ParentId = Gid.TryParse(t.ParentId, "OrderTransaction") ?? sale?.Id,
                Kind = "REFUND",
                Gateway = t.Gateway ?? order.Gateway,
                Amount = t.Amount,
                CreatedAt = now,
            });
        }
        order.TotalRefunded += amount;
        OrderProgress.Update(order, rows.Lines, rows.RefundLines, now);

        var node = (await shop.Orders.ComposeAsync(rows, ct))[0];
        var refundNode = node.Refunds.First(r => r.Row.Id == refund.Id);
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.RefundsCreate, () => OrderEventPayloads.Refund(refundNode, shop.Clock), ct);
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.OrdersUpdated, () => OrderPayloads.Order(node, shop.Settings, shop.Clock), ct);
        await inventory.EnqueueWebhooksAsync(ct);
        await db.SaveChangesAsync(ct);

        var money = amount > 0 ? $"{MoneyGraphType.Format(amount)} {order.Currency} refunded" : "no money refunded";
        shop.Ledger.RecordEffect($"order {order.Name} refund: {string.Join(", ", effects.DefaultIfEmpty("no items"))}; {money}", "refundCreate");
        inventory.RecordEffects("refundCreate");
        shop.Webhooks.Notify();
        return new Payload(node, refundNode, []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<RefundCreatePayloadGraphType>("refundCreate")
            .Argument<NonNullGraphType<RefundInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var shop = c.Shop();
                var input = c.Object("input");
                var lines = InputValues.Objects(input.TryGetValue("refundLineItems", out var l) ? l : null);
                var transactions = InputValues.Objects(input.TryGetValue("transactions", out var t) ? t : null);
                lines.CheckSize(shop.Settings);
                transactions.CheckSize(shop.Settings);
                var request = new Request(
                    input.String("orderId") ?? string.Empty,
                    input.String("note"),
                    lines.Select(x => new LineInput(x.String("lineItemId"), x.Int("quantity") ?? 0, x.String("restockType"), x.String("locationId"))).ToList(),
                    transactions.Select(x => new TransactionInput(x.Money("amount") ?? 0, x.String("gateway"), x.String("kind"), x.String("parentId"))).ToList());
                return await ExecuteAsync(shop, request, c.CancellationToken);
            });
    }
}

public sealed class RefundInputGraphType : InputObjectGraphType
{
    public RefundInputGraphType()
    {
        Name = "RefundInput";
        Field<CurrencyCodeGraphType>("currency");
        Field<NonNullGraphType<IdGraphType>>("orderId");
        Field<StringGraphType>("note");
        Field<BooleanGraphType>("notify");
        Field<ShippingRefundInputGraphType>("shipping");
        Field<ListGraphType<NonNullGraphType<RefundLineItemInputGraphType>>>("refundLineItems");
        Field<ListGraphType<NonNullGraphType<OrderTransactionInputGraphType>>>("transactions");
    }
}

public sealed class RefundLineItemInputGraphType : InputObjectGraphType
{
    public RefundLineItemInputGraphType()
    {
        Name = "RefundLineItemInput";
        Field<NonNullGraphType<IdGraphType>>("lineItemId");
        Field<NonNullGraphType<IntGraphType>>("quantity");
        Field<RefundLineItemRestockTypeGraphType>("restockType");
        Field<IdGraphType>("locationId");
    }
}

public sealed class OrderTransactionInputGraphType : InputObjectGraphType
{
    public OrderTransactionInputGraphType()
    {
        Name = "OrderTransactionInput";
        Field<NonNullGraphType<MoneyGraphType>>("amount");
        Field<NonNullGraphType<StringGraphType>>("gateway");
        Field<NonNullGraphType<OrderTransactionKindGraphType>>("kind");
        Field<NonNullGraphType<IdGraphType>>("orderId");
        Field<IdGraphType>("parentId");
    }
}

/// <summary>Accepted for clients that send it; shipping money is refunded through the transactions.</summary>
public sealed class ShippingRefundInputGraphType : InputObjectGraphType
{
    public ShippingRefundInputGraphType()
    {
        Name = "ShippingRefundInput";
        Field<MoneyGraphType>("amount");
        Field<BooleanGraphType>("fullRefund");
    }
}

public sealed class RefundCreatePayloadGraphType : ObjectGraphType<CreateRefund.Payload>
{
    public RefundCreatePayloadGraphType()
    {
        Name = "RefundCreatePayload";
        Field<OrderGraphType>("order").Resolve(c => c.Source.Order);
        Field<RefundGraphType>("refund").Resolve(c => c.Source.Refund);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
