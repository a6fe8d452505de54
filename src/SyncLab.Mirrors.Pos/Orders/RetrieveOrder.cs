using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Orders;

/// <summary><c>GET /v2/orders/{order_id}</c> (RetrieveOrder).</summary>
public static class RetrieveOrder
{
    public static void Map(RouteGroupBuilder v2) => v2.MapGet("/orders/{order_id}", HandleAsync);

    public static async Task<Results<JsonHttpResult<OrderResponse>, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        [FromRoute(Name = "order_id")] string orderId, PosDb db, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return SquareErrors.NotFound($"Order '{orderId}' not found.").ToResult();
        }
        var payment = order.PaymentId is { } paymentId
            ? await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            : null;
        return TypedResults.Json(new OrderResponse(Order.From(order, payment)), SquareJson.Options);
    }
}
