using System.Globalization;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// <c>fulfillmentCreate(fulfillment: FulfillmentInput!)</c> (2025-01): ships units of one or more fulfillment
/// orders of one order and one location, with tracking. Committed stock leaves the location; the order's
/// fulfillment status moves on; fulfillments/create, orders/fulfilled (or orders/partially_fulfilled) and
/// orders/updated are raised.
/// </summary>
public static class CreateFulfillment
{
    public sealed record LineInput(string? Id, int Quantity);

    /// <param name="Lines">Null ships everything the fulfillment order still has.</param>
    public sealed record GroupInput(string? FulfillmentOrderId, IReadOnlyList<LineInput>? Lines);

    public sealed record TrackingInput(string? Company, IReadOnlyList<string> Numbers, IReadOnlyList<string> Urls);

    public sealed record Request(IReadOnlyList<GroupInput> Groups, TrackingInput? Tracking, bool NotifyCustomer);

    public sealed record Payload(FulfillmentNode? Fulfillment, IReadOnlyList<UserErrorValue> UserErrors);

    public const string InvalidQuantity = "Invalid fulfillment order line item quantity requested.";

    /// <summary>The fulfillment order lines to ship and how many of each, or why not; pure.</summary>
    public static (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<(FulfillmentOrderLineRecord Line, int Quantity)> Ship) Decide(
        Request request, IReadOnlyDictionary<long, FulfillmentOrderRecord> fulfillmentOrders, IReadOnlyList<FulfillmentOrderLineRecord> lines)
    {
        var errors = new List<UserErrorValue>();
        var ship = new List<(FulfillmentOrderLineRecord, int)>();
        if (request.Groups.Count == 0)
        {
            return ([new UserErrorValue(["fulfillment", "lineItemsByFulfillmentOrder"], "Line items by fulfillment order can't be blank.")], []);
        }
        var found = new List<FulfillmentOrderRecord>();
        for (var i = 0; i < request.Groups.Count; i++)
        {
            var group = request.Groups[i];
            string[] path = ["fulfillment", "lineItemsByFulfillmentOrder", i.ToString(CultureInfo.InvariantCulture)];
            if (Gid.TryParse(group.FulfillmentOrderId, "FulfillmentOrder") is not { } foId || !fulfillmentOrders.TryGetValue(foId, out var fo))
            {
                errors.Add(new UserErrorValue([.. path, "fulfillmentOrderId"], "Fulfillment order does not exist."));
                continue;
            }
            if (fo.Status is not (FulfillmentOrderStatuses.Open or FulfillmentOrderStatuses.InProgress))
            {
                errors.Add(new UserErrorValue([.. path, "fulfillmentOrderId"],
                    $"Fulfillment order {Gid.FulfillmentOrder(fo.Id)} has an unfulfillable status= {fo.Status.ToLowerInvariant()}."));
                continue;
            }
            found.Add(fo);
            var own = lines.Where(l => l.FulfillmentOrderId == fo.Id).ToList();
            if (group.Lines is null)
            {
                ship.AddRange(own.Where(l => l.RemainingQuantity > 0).Select(l => (l, l.RemainingQuantity)));
                continue;
            }
            for (var j = 0; j < group.Lines.Count; j++)
            {
                var input = group.Lines[j];
                string[] linePath = [.. path, "fulfillmentOrderLineItems", j.ToString(CultureInfo.InvariantCulture)];
                var line = Gid.TryParse(input.Id, "FulfillmentOrderLineItem") is { } lineId ? own.FirstOrDefault(l => l.Id == lineId) : null;
                if (line is null)
                {
                    errors.Add(new UserErrorValue([.. linePath, "id"], "Fulfillment order line item does not exist."));
                }
                else if (input.Quantity < 1 || input.Quantity > line.RemainingQuantity - ship.Where(s => s.Item1 == line).Sum(s => s.Item2))
                {
                    errors.Add(new UserErrorValue([.. linePath, "quantity"], InvalidQuantity));
                }
                else
                {
                    ship.Add((line, input.Quantity));
                }
            }
        }
        if (found.Select(f => (f.OrderId, f.LocationId)).Distinct().Count() > 1)
        {
            errors.Add(new UserErrorValue(["fulfillment", "lineItemsByFulfillmentOrder"],
                "All fulfillment orders must belong to the same order and be assigned to the same location."));
        }
        if (errors.Count == 0 && ship.Count == 0)
        {
            errors.Add(new UserErrorValue(["fulfillment", "lineItemsByFulfillmentOrder"], InvalidQuantity));
        }
        return errors.Count > 0 ? (errors, []) : (errors, ship);
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var foIds = request.Groups.Select(g => Gid.TryParse(g.FulfillmentOrderId, "FulfillmentOrder")).OfType<long>().ToHashSet();
        var orderIds = await db.FulfillmentOrders.AsNoTracking().Where(f => foIds.Contains(f.Id)).Select(f => f.OrderId).Distinct().ToListAsync(ct);
        var rows = await OrderRows.LoadAsync(db, orderIds, tracked: true, ct);
        var (errors, ship) = Decide(request, rows.FulfillmentOrders.ToDictionary(f => f.Id), rows.FulfillmentOrderLines);
        if (errors.Count > 0)
        {
            return new Payload(null, errors);
        }

        var now = shop.Clock.GetUtcNow();
        var ids = new IdAllocator(db);
        var first = rows.FulfillmentOrders.First(f => f.Id == ship[0].Line.FulfillmentOrderId);
        var order = rows.Orders.First(o => o.Id == first.OrderId);
        var tracking = request.Tracking;
        var fulfillment = rows.Add(db, new FulfillmentRecord
        {
            Id = await ids.NextAsync<FulfillmentRecord>(IdRanges.Fulfillment, ct),
            OrderId = order.Id,
            LocationId = first.LocationId,
            Name = $"{order.Name}.{rows.Fulfillments.Count(f => f.OrderId == order.Id) + 1}",
            TrackingCompany = tracking?.Company,
            TrackingNumbers = string.Join('\n', tracking?.Numbers ?? []),
            TrackingUrls = string.Join('\n', tracking?.Urls ?? []),
            NotifyCustomer = request.NotifyCustomer,
            CreatedAt = now,
            UpdatedAt = now,
        });

        var inventory = new OrderInventory(shop);
        var lines = rows.Lines.Where(l => l.OrderId == order.Id).ToList();
        await inventory.LoadAsync(lines.Select(l => l.InventoryItemId).ToHashSet(), ct);
        var shipped = new List<string>();
        foreach (var (foLine, quantity) in ship)
        {
            var line = lines.First(l => l.Id == foLine.LineItemId);
            rows.Add(db, new FulfillmentLineRecord
            {
                Id = await ids.NextAsync<FulfillmentLineRecord>(IdRanges.FulfillmentLineItem, ct),
                FulfillmentId = fulfillment.Id,
                LineItemId = line.Id,
                FulfillmentOrderLineId = foLine.Id,
                Quantity = quantity,
            });
            foLine.RemainingQuantity -= quantity;
            line.FulfilledQuantity += quantity;
            if (inventory.Level(line.InventoryItemId, fulfillment.LocationId) is { } level)
            {
                inventory.Ship(level, quantity, line.Sku);
            }
            shipped.Add($"{line.Sku} x{quantity}");
        }
        foreach (var fo in rows.FulfillmentOrders.Where(f => ship.Any(s => s.Line.FulfillmentOrderId == f.Id)))
        {
            FulfillmentOrderChanges.Settle(rows, fo, FulfillmentOrderStatuses.Closed, now);
        }
        OrderProgress.Update(order, lines, rows.RefundLines, now);

        var node = (await shop.Orders.ComposeAsync(rows, ct)).First(o => o.Row.Id == order.Id);
        var fulfillmentNode = node.Fulfillments.First(f => f.Row.Id == fulfillment.Id);
        var orderPayload = new Lazy<string>(() => OrderPayloads.Order(node, shop.Settings, shop.Clock));
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.FulfillmentsCreate, () => OrderEventPayloads.Fulfillment(fulfillmentNode, shop.Clock), ct);
        await shop.Webhooks.EnqueueAsync(db,
            order.FulfillmentStatus == OrderStatuses.Fulfilled ? WebhookTopics.OrdersFulfilled : WebhookTopics.OrdersPartiallyFulfilled, () => orderPayload.Value, ct);
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.OrdersUpdated, () => orderPayload.Value, ct);
        await db.SaveChangesAsync(ct);

        var trackingNote = tracking is null ? string.Empty : $" ({string.Join(' ', new[] { tracking.Company }.Concat(tracking.Numbers).OfType<string>())})";
        shop.Ledger.RecordEffect($"order {order.Name} fulfillment {fulfillment.Name}: {string.Join(", ", shipped)}{trackingNote}", "fulfillmentCreate");
        shop.Webhooks.Notify();
        return new Payload(fulfillmentNode, []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<FulfillmentCreatePayloadGraphType>("fulfillmentCreate")
            .Argument<NonNullGraphType<FulfillmentInputGraphType>>("fulfillment")
            .Argument<StringGraphType>("message")
            .ResolveAsync(async c =>
            {
                var shop = c.Shop();
                var input = c.Object("fulfillment");
                var groups = InputValues.Objects(input.TryGetValue("lineItemsByFulfillmentOrder", out var g) ? g : null);
                groups.CheckSize(shop.Settings);
                TrackingInput? tracking = null;
                if (input.TryGetValue("trackingInfo", out var t) && t is IDictionary<string, object?> info)
                {
                    tracking = new TrackingInput(
                        info.String("company"),
                        Strings(info, "numbers") ?? (info.String("number") is { } n ? [n] : []),
                        Strings(info, "urls") ?? (info.String("url") is { } u ? [u] : []));
                }
                var request = new Request(
                    groups.Select(x => new GroupInput(
                        x.String("fulfillmentOrderId"),
                        x.TryGetValue("fulfillmentOrderLineItems", out var lines) && lines is not null
                            ? InputValues.Objects(lines).Select(l => new LineInput(l.String("id"), l.Int("quantity") ?? 0)).ToList()
                            : null)).ToList(),
                    tracking,
                    input.Bool("notifyCustomer") ?? false);
                return await ExecuteAsync(shop, request, c.CancellationToken);
            });
    }

    private static List<string>? Strings(IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var v) && v is IEnumerable<object?> list ? list.OfType<object>().Select(o => o.ToString()!).ToList() : null;
}

public sealed class FulfillmentInputGraphType : InputObjectGraphType
{
    public FulfillmentInputGraphType()
    {
        Name = "FulfillmentInput";
        Field<FulfillmentTrackingInputGraphType>("trackingInfo");
        Field<BooleanGraphType>("notifyCustomer");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FulfillmentOrderLineItemsInputGraphType>>>>("lineItemsByFulfillmentOrder");
    }
}

public sealed class FulfillmentOrderLineItemsInputGraphType : InputObjectGraphType
{
    public FulfillmentOrderLineItemsInputGraphType()
    {
        Name = "FulfillmentOrderLineItemsInput";
        Field<NonNullGraphType<IdGraphType>>("fulfillmentOrderId");
        Field<ListGraphType<NonNullGraphType<FulfillmentOrderLineItemInputGraphType>>>("fulfillmentOrderLineItems");
    }
}

public sealed class FulfillmentOrderLineItemInputGraphType : InputObjectGraphType
{
    public FulfillmentOrderLineItemInputGraphType()
    {
        Name = "FulfillmentOrderLineItemInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("quantity");
    }
}

public sealed class FulfillmentTrackingInputGraphType : InputObjectGraphType
{
    public FulfillmentTrackingInputGraphType()
    {
        Name = "FulfillmentTrackingInput";
        Field<StringGraphType>("number");
        Field<UrlGraphType>("url");
        Field<StringGraphType>("company");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("numbers");
        Field<ListGraphType<NonNullGraphType<UrlGraphType>>>("urls");
    }
}

public sealed class FulfillmentCreatePayloadGraphType : ObjectGraphType<CreateFulfillment.Payload>
{
    public FulfillmentCreatePayloadGraphType()
    {
        Name = "FulfillmentCreatePayload";
        Field<FulfillmentGraphType>("fulfillment").Resolve(c => c.Source.Fulfillment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
