using System.Globalization;

namespace SyncLab.MirrorKit.Webhooks;

/// <summary>
/// One delivery attempt as <see cref="WebhookPump.AttemptAsync"/> made it: held by webhook chaos until
/// <see cref="HeldUntil"/> (not an attempt: reschedule it there), or sent at <see cref="AttemptedAt"/> and
/// answered with <see cref="Status"/> (null: no answer). An attempt chaos dropped reads as a 200.
/// </summary>
public readonly record struct WebhookAttempt(DateTimeOffset? HeldUntil, int? Status, DateTimeOffset AttemptedAt)
{
    public bool Delivered => Status is >= 200 and < 300;

    /// <summary>The status as text, or "no answer", for ledger lines.</summary>
    public string Outcome => Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer";

    /// <summary>
    /// When a delivery whose attempt number <paramref name="attempts"/> (1-based) just failed goes again: the
    /// attempt's start plus the matching delay of <paramref name="retryDelays"/>, or null once they are spent.
    /// Delays count from the start of the attempt, not from whenever the answer came back.
    /// </summary>
    public DateTimeOffset? NextAttempt(int attempts, IReadOnlyList<TimeSpan> retryDelays) =>
        attempts >= 1 && attempts <= retryDelays.Count ? AttemptedAt + retryDelays[attempts - 1] : null;
}
