using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Inventory;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Orders;

/// <summary>One line as rung up: a catalog variation (or a custom amount), how many, at what unit price.</summary>
public sealed record LineDraft(string? CatalogObjectId, string Name, string? VariationName, decimal Quantity, long BasePriceAmount, string? Uid);

/// <summary>How a payment was tendered: CASH, EXTERNAL or CARD.</summary>
public sealed record PaymentDraft(
    string SourceType, long Amount, string Currency, long? BuyerSuppliedAmount = null,
    string? ExternalType = null, string? ExternalSource = null, string? ReferenceId = null, string? Note = null);

/// <summary>What a completed sale did: the payment, the closed order and the stock it moved.</summary>
public sealed record SaleOutcome(PosOrder Order, PosPayment Payment, StockOutcome Stock);

/// <summary>The till: rings up orders and completes them with a payment, moving the goods IN_STOCK → SOLD. Use under the write gate.</summary>
public static class Till
{
    /// <summary>Pure: the order as priced (no taxes, discounts or tips in this mirror).</summary>
    public static PosOrder Ring(long sequence, PosLocation location, IReadOnlyList<LineDraft> lines, string? referenceId, DateTimeOffset now)
    {
        var id = SquareIds.Order(sequence);
        var priced = lines.Select((l, i) => new PosOrderLine
        {
            OrderId = id,
            Index = i,
            Uid = l.Uid ?? $"line-{i + 1}",
            CatalogObjectId = l.CatalogObjectId,
            Name = l.Name,
            VariationName = l.VariationName,
            Quantity = l.Quantity,
            BasePriceAmount = l.BasePriceAmount,
            TotalAmount = (long)decimal.Round(l.BasePriceAmount * l.Quantity, 0, MidpointRounding.AwayFromZero),
        }).ToList();
        return new PosOrder
        {
            Id = id,
            Sequence = sequence,
            LocationId = location.Id,
            State = "OPEN",
            ReferenceId = referenceId,
            Version = 1,
            Currency = location.Currency,
            TotalAmount = priced.Sum(l => l.TotalAmount),
            CreatedAt = now,
            UpdatedAt = now,
            Lines = priced,
        };
    }

    public static async Task<PosOrder> OpenAsync(PosDb db, PosLocation location, IReadOnlyList<LineDraft> lines, string? referenceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequence = (await db.Orders.MaxAsync(o => (long?)o.Sequence, cancellationToken) ?? 0) + 1;
        var order = Ring(sequence, location, lines, referenceId, now);
        db.Orders.Add(order);
        return order;
    }

    /// <summary>Takes the payment, closes the order and moves every catalog line out of IN_STOCK into SOLD at the order's location.</summary>
    public static async Task<SaleOutcome> CompleteAsync(
        PosDb db, string merchantId, PosOrder order, PaymentDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequence = (await db.Payments.MaxAsync(p => (long?)p.Sequence, cancellationToken) ?? 0) + 1;
        var payment = new PosPayment
        {
            Id = SquareIds.Payment(sequence),
            Sequence = sequence,
            OrderId = order.Id,
            LocationId = order.LocationId,
            Amount = draft.Amount,
            Currency = draft.Currency,
            SourceType = draft.SourceType,
            Status = "COMPLETED",
            BuyerSuppliedAmount = draft.BuyerSuppliedAmount,
            ExternalType = draft.ExternalType,
            ExternalSource = draft.ExternalSource,
            ReferenceId = draft.ReferenceId,
            Note = draft.Note,
            CreatedAt = now,
        };
        db.Payments.Add(payment);
        order.State = "COMPLETED";
        order.PaymentId = payment.Id;
        order.ClosedAt = now;
        order.UpdatedAt = now;
        order.Version++;
        var movements = order.Lines
            .Where(l => l.CatalogObjectId is not null)
            .Select(l => (StockMovement)new AdjustStock(
                l.CatalogObjectId!, order.LocationId, l.Quantity, now, order.Id,
                InventoryStates.InStock, InventoryStates.Sold, payment.Id, l.TotalAmount, order.Currency))
            .ToList();
        var stock = movements.Count == 0
            ? new StockOutcome([], [], [])
            : await InventoryBook.ApplyAsync(db, merchantId, movements, ignoreUnchangedCounts: true, now, cancellationToken);
        return new SaleOutcome(order, payment, stock);
    }

    public static string Describe(SaleOutcome sale) =>
        string.Create(CultureInfo.InvariantCulture,
            $"sale {sale.Order.Id} at {sale.Order.LocationId}: {string.Join(", ", sale.Order.Lines.Select(l => $"{l.CatalogObjectId ?? l.Name} x{l.Quantity}"))}; paid {sale.Payment.Amount} {sale.Payment.Currency} ({sale.Payment.SourceType}, {sale.Payment.Id})");
}
