using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Orders;

/// <summary>
/// <c>POST /v2/orders</c> (CreateOrder): an OPEN in-store order of catalog variations (or custom amounts).
/// It moves no stock until it is paid (<c>POST /v2/payments</c>).
/// </summary>
public static class CreateOrder
{
    public const string Operation = "CreateOrder";

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/orders", HandleAsync);

    public static async Task<Results<JsonHttpResult<OrderResponse>, ContentHttpResult, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, PosRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<CreateOrderRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var create = body.Value!;
        if (create.IdempotencyKey is { Length: > 192 })
        {
            return SquareErrors.Invalid("VALUE_TOO_LONG", "idempotency_key", "idempotency_key must be at most 192 characters.").ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            if (create.IdempotencyKey is { Length: > 0 } key)
            {
                var (replay, reused) = await SquareIdempotency.CheckAsync(db, Operation, key, body.Canonical, cancellationToken);
                if (reused is not null)
                {
                    return reused.ToResult();
                }
                if (replay is not null)
                {
                    return replay.ToResult();
                }
            }
            var location = create.Order?.LocationId is { } locationId
                ? await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, cancellationToken)
                : null;
            var objectIds = (create.Order?.LineItems ?? []).Select(l => l.CatalogObjectId).OfType<string>().Distinct().ToList();
            var catalog = await db.Catalog.AsNoTracking().Where(c => objectIds.Contains(c.VariationId)).ToDictionaryAsync(c => c.VariationId, cancellationToken);
            var (lines, failure) = Validate(create, location, catalog);
            if (failure is not null)
            {
                return failure.ToResult();
            }
            var order = await Till.OpenAsync(db, location!, lines!, create.Order!.ReferenceId, clock.GetUtcNow(), cancellationToken);
            var response = new OrderResponse(Order.From(order, null));
            if (create.IdempotencyKey is { Length: > 0 } remembered)
            {
                SquareIdempotency.Remember(db, Operation, remembered, body.Canonical, response);
            }
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"order {order.Id} opened at {order.LocationId} ({order.Lines.Count} lines, {order.TotalAmount} {order.Currency})", request.Path);
            return TypedResults.Json(response, SquareJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Pure: the lines to ring up, or the first thing wrong with the order.</summary>
    public static (IReadOnlyList<LineDraft>? Lines, SquareFailure? Failure) Validate(
        CreateOrderRequest create, PosLocation? location, IReadOnlyDictionary<string, PosCatalogEntry> catalog)
    {
        if (create.Order is not { } order)
        {
            return (null, SquareErrors.Missing("order"));
        }
        if (string.IsNullOrEmpty(order.LocationId))
        {
            return (null, SquareErrors.Missing("order.location_id"));
        }
        if (location is null)
        {
            return (null, SquareErrors.NotFound($"Location '{order.LocationId}' not found.", "order.location_id"));
        }
        if (order.State is not (null or "OPEN"))
        {
            return (null, SquareErrors.InvalidValue("order.state", "An order is created OPEN; it is completed by paying it (POST /v2/payments)."));
        }
        if (order.ReferenceId is { Length: > 40 })
        {
            return (null, SquareErrors.Invalid("VALUE_TOO_LONG", "order.reference_id", "reference_id must be at most 40 characters."));
        }
        var items = order.LineItems ?? [];
        if (items.Count == 0)
        {
            return (null, SquareErrors.Invalid("ARRAY_EMPTY", "order.line_items", "An order needs at least one line item."));
        }
        var lines = new List<LineDraft>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = $"order.line_items[{i}]";
            if (item.Quantity is null)
            {
                return (null, SquareErrors.Missing($"{field}.quantity"));
            }
            if (!SquareJson.TryParseQuantity(item.Quantity, out var quantity) || quantity <= 0 || quantity > 100_000m)
            {
                return (null, SquareErrors.InvalidValue($"{field}.quantity", $"'{item.Quantity}' is not a valid quantity."));
            }
            if (item.BasePriceMoney is { } price && price.Currency != location.Currency)
            {
                return (null, SquareErrors.Invalid("CURRENCY_MISMATCH", $"{field}.base_price_money.currency", $"The location's currency is {location.Currency}."));
            }
            if (item.CatalogObjectId is { } objectId)
            {
                if (!catalog.TryGetValue(objectId, out var entry))
                {
                    return (null, SquareErrors.InvalidValue($"{field}.catalog_object_id", $"Item variation '{objectId}' not found."));
                }
                lines.Add(new LineDraft(objectId, entry.Name, "Regular", quantity, item.BasePriceMoney?.Amount ?? entry.PriceAmount, item.Uid));
            }
            else if (item.Name is { Length: > 0 } name && item.BasePriceMoney is { Amount: >= 0 } custom)
            {
                lines.Add(new LineDraft(null, name, null, quantity, custom.Amount, item.Uid));
            }
            else
            {
                return (null, SquareErrors.Missing($"{field}.catalog_object_id"));
            }
        }
        return (lines, null);
    }
}

public sealed record CreateOrderRequest(Order? Order, string? IdempotencyKey);

public sealed record OrderResponse(Order Order);
