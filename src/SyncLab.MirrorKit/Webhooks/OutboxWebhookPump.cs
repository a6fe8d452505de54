using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Webhooks;

/// <summary>The bookkeeping every mirror's webhook outbox row carries, whatever its vendor's payload and headers.</summary>
public interface IWebhookDeliveryRow
{
    long Sequence { get; }

    int Attempts { get; set; }

    DateTimeOffset NextAttemptAt { get; set; }

    /// <summary><see cref="NextAttemptAt"/> as UTC ticks: comparable and sortable in every store (SQLite cannot order offsets).</summary>
    long NextAttemptTicks { get; set; }

    DateTimeOffset? DeliveredAt { get; set; }

    bool Abandoned { get; set; }

    int? LastStatus { get; set; }
}

/// <summary>
/// A <see cref="WebhookPump"/> over outbox rows kept in the mirror's database: drains what is due in due-time
/// order, sends each through chaos, and books the outcome on the row (delivered; retried after the next of the
/// vendor's delays; abandoned when they run out) and in the ledger. A mirror says only which rows, how one is
/// sent and named, and its retry schedule.
/// </summary>
public abstract class OutboxWebhookPump<TDb, TRow>(
    IServiceScopeFactory scopes, TimeProvider clock, WebhookSignal signal, WebhookChaos chaos, MirrorLedger ledger, ILogger logger)
    : WebhookPump(clock, signal, chaos, logger)
    where TDb : DbContext
    where TRow : class, IWebhookDeliveryRow
{
    private const int Batch = 50;

    /// <summary>The outbox table.</summary>
    protected abstract DbSet<TRow> Rows(TDb db);

    /// <summary>Chaos's key for the delivery: unique per delivery, stable across its retries.</summary>
    protected abstract string ChaosKey(TRow delivery);

    /// <summary>How the ledger and chaos name the event, e.g. its type and id.</summary>
    protected abstract string Name(TRow delivery);

    protected abstract string Url(TRow delivery);

    /// <summary>POSTs the delivery; the status answered, or null when nothing answered.</summary>
    protected abstract Task<int?> SendAsync(TRow delivery, CancellationToken cancellationToken);

    /// <summary>The vendor's retry schedule: delay before attempt 2, 3, …; past its end a delivery is abandoned.</summary>
    protected abstract IReadOnlyList<TimeSpan> RetryDelays { get; }

    /// <summary>The ledger path the outcomes are filed under.</summary>
    protected virtual string LedgerPath => "";

    protected override async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            var rows = Rows(db);
            var nowTicks = Clock.GetUtcNow().UtcTicks;
            var due = await rows
                .Where(d => d.DeliveredAt == null && !d.Abandoned && d.NextAttemptTicks <= nowTicks)
                // Due time first, so deliveries that webhook chaos held go out in the order they were released.
                .OrderBy(d => d.NextAttemptTicks).ThenBy(d => d.Sequence)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return await rows
                    .Where(d => d.DeliveredAt == null && !d.Abandoned)
                    .OrderBy(d => d.NextAttemptTicks)
                    .Select(d => (DateTimeOffset?)d.NextAttemptAt)
                    .FirstOrDefaultAsync(cancellationToken);
            }
            foreach (var delivery in due)
            {
                var attempt = await AttemptAsync(ChaosKey(delivery), Name(delivery), () => SendAsync(delivery, cancellationToken));
                if (attempt.HeldUntil is { } heldUntil)
                {
                    Reschedule(delivery, heldUntil);
                    continue;
                }
                Record(delivery, attempt);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Record(TRow delivery, WebhookAttempt attempt)
    {
        delivery.Attempts++;
        delivery.LastStatus = attempt.Status;
        var name = Name(delivery);
        var url = Url(delivery);
        if (attempt.Delivered)
        {
            delivery.DeliveredAt = Clock.GetUtcNow();
            ledger.RecordEffect($"webhook {name} delivered to {url} ({attempt.Outcome}, attempt {delivery.Attempts})", LedgerPath);
            return;
        }
        if (attempt.NextAttempt(delivery.Attempts, RetryDelays) is not { } next)
        {
            delivery.Abandoned = true;
            ledger.RecordEffect($"webhook {name} abandoned after {delivery.Attempts} attempts to {url} ({attempt.Outcome})", LedgerPath);
            return;
        }
        Reschedule(delivery, next);
        ledger.RecordEffect($"webhook {name} failed at {url} ({attempt.Outcome}, attempt {delivery.Attempts}); retry at {next:O}", LedgerPath);
    }

    private static void Reschedule(TRow delivery, DateTimeOffset at)
    {
        delivery.NextAttemptAt = at;
        delivery.NextAttemptTicks = at.UtcTicks;
    }
}
