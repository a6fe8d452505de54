using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Orders;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Admin;

/// <summary>
/// <c>POST /_synclab/storefront/orders</c>: places an order as a shopper would at checkout (same use case,
/// same stock rules, same webhooks), for scenarios and load runs. An <c>idempotencyKey</c> places the order
/// once: a repeat answers 200 with the first order instead of 201.
/// </summary>
public static class PlaceOrderAction
{
    public sealed record LineBody(string? Sku, long? VariantId, int Quantity);

    public sealed record AddressBody(
        string? FirstName, string? LastName, string? Company, string? Address1, string? Address2, string? City,
        string? ProvinceCode, string? Zip, string? CountryCode, string? Phone);

    public sealed record Body(
        string? Email, string? FirstName, string? LastName, string? Phone, bool AcceptsMarketing, AddressBody? ShippingAddress,
        IReadOnlyList<LineBody>? Lines, string? IdempotencyKey, string? Note);

    public sealed record LineView(string Id, string? Sku, int Quantity, string Price, IReadOnlyList<string> FulfillmentOrderIds);

    public sealed record OrderView(
        string Id, long LegacyResourceId, string Name, int Number, string Token, string StatusPageUrl, string Email, string? CustomerId,
        string Currency, string SubtotalPrice, string TotalTax, string TotalShipping, string TotalPrice, string FinancialStatus,
        string FulfillmentStatus, DateTimeOffset CreatedAt, IReadOnlyList<LineView> Lines);

    public const string RejectedType = "https://synclab.dev/problems/order-rejected";

    internal static void Map(RouteGroupBuilder group) => group.MapPost("/orders", PlaceAsync);

    /// <summary>
    /// A scenario that does not care where the parcel goes may leave the address out: it ships to a fixed
    /// staging address (named after the shopper when names are given).
    /// </summary>
    public static AddressInput DefaultAddress(string? firstName, string? lastName) =>
        new(firstName ?? "Staging", lastName ?? "Shopper", null, "1 Test Street", null, "Chicago", "IL", "60601", "US", null);

    private static async Task<Results<Created<OrderView>, Ok<OrderView>, ProblemHttpResult>> PlaceAsync(Body body, ShopRequest shop, CancellationToken ct)
    {
        var lines = body.Lines ?? [];
        if (lines.Count > shop.Settings.MaxInputArraySize)
        {
            return Rejected([new OrderProblem("TOO_MANY_LINES", $"At most {shop.Settings.MaxInputArraySize} lines per order.", "lines")]);
        }
        var a = body.ShippingAddress;
        var address = a is null
            ? DefaultAddress(body.FirstName, body.LastName)
            : new AddressInput(a.FirstName ?? body.FirstName, a.LastName ?? body.LastName, a.Company, a.Address1, a.Address2, a.City, a.ProvinceCode, a.Zip, a.CountryCode, a.Phone);
        var request = new PlaceOrder.Request(
            body.Email, address, body.AcceptsMarketing, lines.Select(l => new OrderLineInput(l.Sku, l.VariantId, l.Quantity)).ToList(),
            body.IdempotencyKey, body.Phone, body.Note);
        var result = await PlaceOrder.ExecuteAsync(shop, request, ct);
        if (result.Order is not { } order)
        {
            return Rejected(result.Problems);
        }
        var view = View(order, shop.Settings);
        return result.Created ? TypedResults.Created($"/orders/{order.Row.Token}", view) : TypedResults.Ok(view);
    }

    private static ProblemHttpResult Rejected(IReadOnlyList<OrderProblem> problems) => TypedResults.Problem(
        detail: string.Join(" ", problems.Select(p => p.Message)),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The order cannot be placed",
        type: RejectedType,
        extensions: new Dictionary<string, object?> { ["errors"] = problems });

    public static OrderView View(OrderNode node, StorefrontMirrorSettings settings)
    {
        var o = node.Row;
        return new OrderView(
            Data.Gid.Order(o.Id), o.Id, o.Name, o.Number, o.Token, OrderPayloads.StatusUrl(o, settings), o.Email,
            o.CustomerId is { } c ? Data.Gid.Customer(c) : null, o.Currency,
            MoneyGraphType.Format(o.SubtotalPrice), MoneyGraphType.Format(o.TotalTax), MoneyGraphType.Format(o.TotalShipping), MoneyGraphType.Format(o.TotalPrice),
            o.FinancialStatus, o.FulfillmentStatus, o.CreatedAt,
            node.Lines.Select(l => new LineView(
                Data.Gid.LineItem(l.Row.Id), l.Row.Sku, l.Row.Quantity, MoneyGraphType.Format(l.Row.Price),
                node.FulfillmentOrders.Where(f => f.Lines.Any(x => x.Line == l)).Select(f => Data.Gid.FulfillmentOrder(f.Row.Id)).ToList())).ToList());
    }
}
