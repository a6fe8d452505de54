using System.Globalization;
using System.Text.Json;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.Orders;
using static SyncLab.Mirrors.Storefront.Webhooks.OrderPayloads;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>REST fulfillment and refund resources, as fulfillments/create and refunds/create deliver them (and as orders/* nest them).</summary>
public static class OrderEventPayloads
{
    public static string Fulfillment(FulfillmentNode fulfillment, TimeProvider clock) =>
        JsonSerializer.Serialize(FulfillmentBody(fulfillment, clock), WebhookPayloads.Json);

    public static string Refund(RefundNode refund, TimeProvider clock) =>
        JsonSerializer.Serialize(RefundBody(refund, clock), WebhookPayloads.Json);

    internal static FulfillmentPayload FulfillmentBody(FulfillmentNode node, TimeProvider clock)
    {
        var f = node.Row;
        var tracking = node.Tracking;
        var numbers = tracking.Select(t => t.Number).OfType<string>().ToList();
        var urls = tracking.Select(t => t.Url).OfType<string>().ToList();
        return new FulfillmentPayload(
            Id: f.Id,
            AdminGraphqlApiId: Gid.Fulfillment(f.Id),
            CreatedAt: WebhookPayloads.Local(f.CreatedAt, clock),
            Email: node.Order.Row.Email,
            Destination: Address(node.Order.ShippingAddress),
            LocationId: f.LocationId,
            Name: f.Name,
            OrderId: f.OrderId,
            OriginAddress: null,
            Receipt: new Dictionary<string, object>(),
            Service: "manual",
            ShipmentStatus: null,
            Status: f.Status.ToLowerInvariant(),
            TrackingCompany: f.TrackingCompany,
            TrackingNumber: numbers.FirstOrDefault(),
            TrackingNumbers: numbers,
            TrackingUrl: urls.FirstOrDefault(),
            TrackingUrls: urls,
            UpdatedAt: WebhookPayloads.Local(f.UpdatedAt, clock),
            LineItems: node.Lines.Select(l => LineItem(l.Line, l.Row.Quantity)).ToList());
    }

    internal static RefundPayload RefundBody(RefundNode node, TimeProvider clock)
    {
        var r = node.Row;
        var currency = node.Order.Row.Currency;
        return new RefundPayload(
            Id: r.Id,
            AdminGraphqlApiId: Gid.Refund(r.Id),
            CreatedAt: WebhookPayloads.Local(r.CreatedAt, clock),
            Note: r.Note,
            OrderId: r.OrderId,
            ProcessedAt: WebhookPayloads.Local(r.CreatedAt, clock),
            Restock: node.Lines.Any(l => l.Row.Restocked),
            TotalDutiesSet: Set(0, currency),
            UserId: null,
            OrderAdjustments: [],
            Transactions: node.Transactions.Select(t => Transaction(t, clock)).ToList(),
            RefundLineItems: node.Lines.Select(l => new RefundLinePayload(
                Id: l.Row.Id,
                LineItemId: l.Row.LineItemId,
                LocationId: l.Row.LocationId,
                Quantity: l.Row.Quantity,
                RestockType: l.Row.RestockType.ToLowerInvariant(),
                // Shopify sends these two as JSON numbers, unlike the other amounts.
                Subtotal: l.Row.Subtotal,
                SubtotalSet: Set(l.Row.Subtotal, currency),
                TotalTax: l.Row.TotalTax,
                TotalTaxSet: Set(l.Row.TotalTax, currency),
                LineItem: LineItem(l.Line, l.Line.Row.Quantity))).ToList(),
            Duties: [],
            RefundShippingLines: [],
            Return: null);
    }

    internal static TransactionPayload Transaction(TransactionNode node, TimeProvider clock)
    {
        var t = node.Row;
        var index = node.Order.Transactions.IndexOf(node) + 1;
        return new TransactionPayload(
            Id: t.Id,
            AdminGraphqlApiId: Gid.Transaction(t.Id),
            Amount: Money(t.Amount),
            Authorization: null,
            CreatedAt: WebhookPayloads.Local(t.CreatedAt, clock),
            Currency: node.Order.Row.Currency,
            DeviceId: null,
            ErrorCode: null,
            Gateway: t.Gateway,
            Kind: t.Kind.ToLowerInvariant(),
            LocationId: null,
            Message: null,
            OrderId: t.OrderId,
            ParentId: t.ParentId,
            PaymentId: string.Create(CultureInfo.InvariantCulture, $"c{t.OrderId}.{index}"),
            ProcessedAt: WebhookPayloads.Local(t.CreatedAt, clock),
            Receipt: new Dictionary<string, object>(),
            SourceName: node.Order.Row.SourceName,
            Status: t.Status.ToLowerInvariant(),
            Test: false,
            UserId: null);
    }

    internal sealed record FulfillmentPayload(
        long Id, string AdminGraphqlApiId, string CreatedAt, string Email, AddressPayload? Destination, long LocationId, string Name, long OrderId,
        object? OriginAddress, IReadOnlyDictionary<string, object> Receipt, string Service, string? ShipmentStatus, string Status,
        string? TrackingCompany, string? TrackingNumber, IReadOnlyList<string> TrackingNumbers, string? TrackingUrl, IReadOnlyList<string> TrackingUrls,
        string UpdatedAt, IReadOnlyList<LineItemPayload> LineItems);

    internal sealed record RefundLinePayload(
        long Id, long LineItemId, long? LocationId, int Quantity, string RestockType, decimal Subtotal, MoneySet SubtotalSet, decimal TotalTax,
        MoneySet TotalTaxSet, LineItemPayload LineItem);

    internal sealed record TransactionPayload(
        long Id, string AdminGraphqlApiId, string Amount, string? Authorization, string CreatedAt, string Currency, long? DeviceId, string? ErrorCode,
        string Gateway, string Kind, long? LocationId, string? Message, long OrderId, long? ParentId, string PaymentId, string ProcessedAt,
        IReadOnlyDictionary<string, object> Receipt, string SourceName, string Status, bool Test, long? UserId);

    internal sealed record RefundPayload(
        long Id, string AdminGraphqlApiId, string CreatedAt, string? Note, long OrderId, string ProcessedAt, bool Restock, MoneySet TotalDutiesSet,
        long? UserId, IReadOnlyList<object> OrderAdjustments, IReadOnlyList<TransactionPayload> Transactions, IReadOnlyList<RefundLinePayload> RefundLineItems,
        IReadOnlyList<object> Duties, IReadOnlyList<object> RefundShippingLines, object? Return);
}
