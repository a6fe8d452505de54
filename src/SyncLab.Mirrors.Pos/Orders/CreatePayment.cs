using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Orders;

/// <summary>
/// <c>POST /v2/payments</c> (CreatePayment) for an order: CASH, EXTERNAL or the sandbox card nonce
/// <c>cnon:card-nonce-ok</c>, completed at once. Paying an order completes it and moves its goods IN_STOCK → SOLD.
/// </summary>
public static class CreatePayment
{
    public const string Operation = "CreatePayment";
    public const string SandboxCardNonce = "cnon:card-nonce-ok";

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/payments", HandleAsync);

    public static async Task<Results<JsonHttpResult<CreatePaymentResponse>, ContentHttpResult, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, PosRuntime runtime, TimeProvider clock, MirrorLedger ledger, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<CreatePaymentRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var pay = body.Value!;
        if (string.IsNullOrEmpty(pay.IdempotencyKey))
        {
            return SquareErrors.Missing("idempotency_key").ToResult();
        }
        if (pay.IdempotencyKey.Length > 45)
        {
            return SquareErrors.Invalid("VALUE_TOO_LONG", "idempotency_key", "idempotency_key must be at most 45 characters.").ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var (replay, reused) = await SquareIdempotency.CheckAsync(db, Operation, pay.IdempotencyKey, body.Canonical, cancellationToken);
            if (reused is not null)
            {
                return reused.ToResult();
            }
            if (replay is not null)
            {
                return replay.ToResult();
            }
            var order = pay.OrderId is { } orderId
                ? await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                : null;
            var (draft, failure) = Validate(pay, order);
            if (failure is not null)
            {
                return failure.ToResult();
            }
            var sale = await Till.CompleteAsync(db, runtime.MerchantId, order!, draft!, clock.GetUtcNow(), cancellationToken);
            var response = new CreatePaymentResponse(Payment.From(sale.Payment));
            SquareIdempotency.Remember(db, Operation, pay.IdempotencyKey, body.Canonical, response);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect(Till.Describe(sale), request.Path);
            signal.Notify();
            return TypedResults.Json(response, SquareJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Pure: the payment to take for <paramref name="order"/>, or why it cannot be taken.</summary>
    public static (PaymentDraft? Draft, SquareFailure? Failure) Validate(CreatePaymentRequest pay, PosOrder? order)
    {
        if (string.IsNullOrEmpty(pay.SourceId))
        {
            return (null, SquareErrors.Missing("source_id"));
        }
        if (pay.AmountMoney is not { } amount)
        {
            return (null, SquareErrors.Missing("amount_money"));
        }
        if (amount.Amount < 0)
        {
            return (null, SquareErrors.Invalid("VALUE_TOO_LOW", "amount_money.amount", "amount must not be negative."));
        }
        // A payment without an order sells nothing the inventory could follow; this mirror only takes order payments.
        if (string.IsNullOrEmpty(pay.OrderId))
        {
            return (null, SquareErrors.Missing("order_id"));
        }
        if (order is null)
        {
            return (null, SquareErrors.NotFound($"Order '{pay.OrderId}' not found.", "order_id"));
        }
        if (order.State != "OPEN")
        {
            return (null, SquareErrors.InvalidValue("order_id", $"Order '{order.Id}' is {order.State} and cannot be paid."));
        }
        if (pay.LocationId is { } location && location != order.LocationId)
        {
            return (null, SquareErrors.Invalid("LOCATION_MISMATCH", "location_id", "The payment's location differs from the order's."));
        }
        if (amount.Currency != order.Currency)
        {
            return (null, SquareErrors.Invalid("CURRENCY_MISMATCH", "amount_money.currency", $"The order is in {order.Currency}."));
        }
        if (amount.Amount != order.TotalAmount)
        {
            return (null, SquareErrors.Invalid("PAYMENT_AMOUNT_MISMATCH", "amount_money.amount", $"The order's amount due is {order.TotalAmount}."));
        }
        if (pay.Autocomplete == false)
        {
            return (null, SquareErrors.InvalidValue("autocomplete", "Delayed capture is not mirrored; send autocomplete true (the default)."));
        }
        switch (pay.SourceId)
        {
            case "CASH":
                if (pay.CashDetails?.BuyerSuppliedMoney is not { } supplied)
                {
                    return (null, SquareErrors.Missing("cash_details.buyer_supplied_money"));
                }
                if (supplied.Amount < amount.Amount)
                {
                    return (null, SquareErrors.Invalid("VALUE_TOO_LOW", "cash_details.buyer_supplied_money.amount", "The buyer supplied less than the amount."));
                }
                return (new PaymentDraft("CASH", amount.Amount, amount.Currency, BuyerSuppliedAmount: supplied.Amount, ReferenceId: pay.ReferenceId, Note: pay.Note), null);
            case "EXTERNAL":
                if (pay.ExternalDetails is not { Type.Length: > 0, Source.Length: > 0 } external)
                {
                    return (null, SquareErrors.Missing("external_details"));
                }
                return (new PaymentDraft("EXTERNAL", amount.Amount, amount.Currency, ExternalType: external.Type, ExternalSource: external.Source, ReferenceId: pay.ReferenceId, Note: pay.Note), null);
            case SandboxCardNonce:
                return (new PaymentDraft("CARD", amount.Amount, amount.Currency, ReferenceId: pay.ReferenceId, Note: pay.Note), null);
            default:
                return (null, SquareErrors.InvalidValue("source_id", $"This mirror takes CASH, EXTERNAL or {SandboxCardNonce}."));
        }
    }
}

public sealed record CreatePaymentRequest
{
    public string? SourceId { get; init; }

    public string? IdempotencyKey { get; init; }

    public Money? AmountMoney { get; init; }

    public bool? Autocomplete { get; init; }

    public string? OrderId { get; init; }

    public string? LocationId { get; init; }

    public string? ReferenceId { get; init; }

    public string? Note { get; init; }

    public CashPaymentDetails? CashDetails { get; init; }

    public ExternalPaymentDetails? ExternalDetails { get; init; }
}

public sealed record CashPaymentDetails(Money? BuyerSuppliedMoney, Money? ChangeBackMoney = null);

public sealed record ExternalPaymentDetails(string? Type, string? Source);

public sealed record CreatePaymentResponse(Payment Payment);

/// <summary>Square <c>Payment</c> (the properties this mirror fills).</summary>
public sealed record Payment
{
    public required string Id { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    public Money? AmountMoney { get; init; }

    public Money? TotalMoney { get; init; }

    public Money? ApprovedMoney { get; init; }

    public string? Status { get; init; }

    public string? SourceType { get; init; }

    public CashPaymentDetails? CashDetails { get; init; }

    public ExternalPaymentDetails? ExternalDetails { get; init; }

    public string? LocationId { get; init; }

    public string? OrderId { get; init; }

    public string? ReferenceId { get; init; }

    public string? Note { get; init; }

    public string? ReceiptNumber { get; init; }

    public static Payment From(PosPayment p) => new()
    {
        Id = p.Id,
        CreatedAt = SquareJson.Time(p.CreatedAt),
        UpdatedAt = SquareJson.Time(p.CreatedAt),
        AmountMoney = new Money(p.Amount, p.Currency),
        TotalMoney = new Money(p.Amount, p.Currency),
        ApprovedMoney = new Money(p.Amount, p.Currency),
        Status = p.Status,
        SourceType = p.SourceType,
        CashDetails = p.BuyerSuppliedAmount is { } supplied
            ? new CashPaymentDetails(new Money(supplied, p.Currency), new Money(supplied - p.Amount, p.Currency))
            : null,
        ExternalDetails = p.ExternalType is not null ? new ExternalPaymentDetails(p.ExternalType, p.ExternalSource) : null,
        LocationId = p.LocationId,
        OrderId = p.OrderId,
        ReferenceId = p.ReferenceId,
        Note = p.Note,
        ReceiptNumber = p.Id[..4],
    };
}
