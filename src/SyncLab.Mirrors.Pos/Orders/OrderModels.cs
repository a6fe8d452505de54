using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Orders;

/// <summary>Square <c>Order</c> (the properties this mirror fills); also the request shape of CreateOrder.</summary>
public sealed record Order
{
    public string? Id { get; init; }

    public string? LocationId { get; init; }

    public string? ReferenceId { get; init; }

    public OrderSource? Source { get; init; }

    public string? CustomerId { get; init; }

    public IReadOnlyList<OrderLineItem>? LineItems { get; init; }

    public IReadOnlyList<Tender>? Tenders { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    public string? ClosedAt { get; init; }

    public string? State { get; init; }

    public int? Version { get; init; }

    public Money? TotalMoney { get; init; }

    public Money? TotalTaxMoney { get; init; }

    public Money? TotalDiscountMoney { get; init; }

    public Money? TotalTipMoney { get; init; }

    public Money? TotalServiceChargeMoney { get; init; }

    public Money? NetAmountDueMoney { get; init; }

    public static Order From(PosOrder o, PosPayment? payment)
    {
        Money M(long amount) => new(amount, o.Currency);
        var paid = payment?.Status == "COMPLETED" ? payment.Amount : 0;
        return new Order
        {
            Id = o.Id,
            LocationId = o.LocationId,
            ReferenceId = o.ReferenceId,
            Source = new OrderSource("SyncLab POS mirror"),
            LineItems = o.Lines.OrderBy(l => l.Index).Select(l => new OrderLineItem
            {
                Uid = l.Uid,
                Name = l.Name,
                Quantity = SquareJson.Quantity(l.Quantity),
                CatalogObjectId = l.CatalogObjectId,
                VariationName = l.VariationName,
                ItemType = "ITEM",
                BasePriceMoney = M(l.BasePriceAmount),
                VariationTotalPriceMoney = M(l.TotalAmount),
                GrossSalesMoney = M(l.TotalAmount),
                TotalTaxMoney = M(0),
                TotalDiscountMoney = M(0),
                TotalMoney = M(l.TotalAmount),
            }).ToList(),
            Tenders = payment is null ? null :
            [
                new Tender
                {
                    Id = payment.Id, LocationId = payment.LocationId, TransactionId = o.Id, CreatedAt = SquareJson.Time(payment.CreatedAt),
                    AmountMoney = M(payment.Amount), Type = TenderType(payment.SourceType), PaymentId = payment.Id,
                },
            ],
            CreatedAt = SquareJson.Time(o.CreatedAt),
            UpdatedAt = SquareJson.Time(o.UpdatedAt),
            ClosedAt = o.ClosedAt is { } closed ? SquareJson.Time(closed) : null,
            State = o.State,
            Version = o.Version,
            TotalMoney = M(o.TotalAmount),
            TotalTaxMoney = M(0),
            TotalDiscountMoney = M(0),
            TotalTipMoney = M(0),
            TotalServiceChargeMoney = M(0),
            NetAmountDueMoney = M(o.TotalAmount - paid),
        };
    }

    private static string TenderType(string sourceType) => sourceType switch
    {
        "CASH" => "CASH",
        "CARD" => "CARD",
        _ => "OTHER",
    };
}

public sealed record OrderSource(string? Name);

/// <summary>Square <c>OrderLineItem</c>; also the request shape.</summary>
public sealed record OrderLineItem
{
    public string? Uid { get; init; }

    public string? Name { get; init; }

    public string? Quantity { get; init; }

    public string? Note { get; init; }

    public string? CatalogObjectId { get; init; }

    public long? CatalogVersion { get; init; }

    public string? VariationName { get; init; }

    public string? ItemType { get; init; }

    public Money? BasePriceMoney { get; init; }

    public Money? VariationTotalPriceMoney { get; init; }

    public Money? GrossSalesMoney { get; init; }

    public Money? TotalTaxMoney { get; init; }

    public Money? TotalDiscountMoney { get; init; }

    public Money? TotalMoney { get; init; }
}

/// <summary>Square <c>Tender</c>: how a completed order was paid.</summary>
public sealed record Tender
{
    public string? Id { get; init; }

    public string? LocationId { get; init; }

    public string? TransactionId { get; init; }

    public string? CreatedAt { get; init; }

    public Money? AmountMoney { get; init; }

    public required string Type { get; init; }

    public string? PaymentId { get; init; }
}
