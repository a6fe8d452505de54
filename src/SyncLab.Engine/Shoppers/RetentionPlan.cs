namespace SyncLab.Engine.Shoppers;

public enum RetentionVerdict
{
    /// <summary>Still a shopper (or retention not over): nothing changes.</summary>
    Keep,

    /// <summary>Contact data and consent go now; name and address stay for the books until <see cref="RetentionDecision.RetainUntil"/>.</summary>
    Restrict,

    /// <summary>Nothing needs the person any more: the card is anonymised.</summary>
    Erase,
}

public sealed record RetentionDecision(RetentionVerdict Verdict, DateOnly? RetainUntil, string Reason);

/// <summary>
/// What retention allows for one customer card, a pure decision. Bookkeeping wins over erasure: a customer with a
/// posted invoice younger than <see cref="ShopperRules.BookkeepingRetentionYears"/> keeps name and address (the
/// books must name who was invoiced) until the day that period ends; everything else about the person goes at once.
/// </summary>
public static class RetentionPlan
{
    /// <summary>The first day the books no longer need the customer: the last invoice date plus the retention years.</summary>
    public static DateOnly RetainedUntil(DateOnly lastInvoice, ShopperRules rules) => lastInvoice.AddYears(rules.BookkeepingRetentionYears);

    /// <summary>A shopper asked to be forgotten (<c>customers/redact</c>).</summary>
    public static RetentionDecision OnErasureRequest(DateOnly? lastInvoice, DateOnly today, ShopperRules rules)
    {
        if (lastInvoice is { } invoiced && RetainedUntil(invoiced, rules) > today)
        {
            var until = RetainedUntil(invoiced, rules);
            return new RetentionDecision(RetentionVerdict.Restrict, until, $"invoiced {invoiced:yyyy-MM-dd}: name and address kept for the books until {until:yyyy-MM-dd}");
        }
        return new RetentionDecision(RetentionVerdict.Erase, null, lastInvoice is null ? "no invoices" : $"last invoice {lastInvoice:yyyy-MM-dd} is past retention");
    }

    /// <summary>
    /// The yearly purge's look at one shopper. An erasure restricted until a day now passed is completed; a shopper
    /// with no order or invoice for <see cref="ShopperRules.InactivityYears"/> is forgotten as if they had asked
    /// (restricted while the books still need them); anyone else is kept. <paramref name="knownSince"/> (the day the
    /// engine first linked the shopper) counts as activity, so a shopper whose only order was cancelled is not forgotten at once.
    /// </summary>
    public static RetentionDecision OnPurge(
        DateOnly? lastInvoice, DateOnly? lastOrder, DateOnly? knownSince, DateOnly? restrictedUntil, DateOnly today, ShopperRules rules)
    {
        if (restrictedUntil is { } until)
        {
            return until <= today
                ? new RetentionDecision(RetentionVerdict.Erase, null, $"retention ended {until:yyyy-MM-dd}")
                : new RetentionDecision(RetentionVerdict.Keep, until, $"kept for the books until {until:yyyy-MM-dd}");
        }
        var lastActivity = Max(Max(lastInvoice, lastOrder), knownSince);
        var cutoff = today.AddYears(-rules.InactivityYears);
        if (lastActivity is { } active && active > cutoff)
        {
            return new RetentionDecision(RetentionVerdict.Keep, null, $"active {active:yyyy-MM-dd}");
        }
        var decision = OnErasureRequest(lastInvoice, today, rules);
        var inactive = lastActivity is null ? "no orders" : $"no orders since {lastActivity:yyyy-MM-dd}";
        return decision with { Reason = $"{inactive}; {decision.Reason}" };
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
