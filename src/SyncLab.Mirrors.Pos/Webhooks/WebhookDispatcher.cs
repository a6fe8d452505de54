using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Webhooks;

/// <summary>
/// Drains the delivery rows: POSTs each signed event, and on failure retries after the configured
/// business-time delays, then gives up. Retries wait on the business clock, so a test advances the
/// clock instead of sleeping.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSignal signal, TimeProvider clock, MirrorLedger ledger, PosRuntime runtime, WebhookChaos chaos)
    : BackgroundService
{
    public const string HttpClientName = "synclab-pos-webhooks";
    public const string SignatureHeader = "x-square-hmacsha256-signature";
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? nextDue;
            try
            {
                nextDue = await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                // The store was reset under us; the rows are gone or will be read again next round.
                nextDue = null;
            }
            await WaitAsync(nextDue, stoppingToken);
        }
    }

    private async Task WaitAsync(DateTimeOffset? nextDue, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { signal.WaitAsync(wake.Token) };
        if (nextDue is { } due)
        {
            var wait = due - clock.GetUtcNow();
            waits.Add(Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, wake.Token));
        }
        try
        {
            await Task.WhenAny(waits);
        }
        finally
        {
            await wake.CancelAsync();
        }
    }

    /// <summary>Sends what is due and says when the next pending delivery falls due.</summary>
    private async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PosDb>();
            var nowTicks = clock.GetUtcNow().UtcTicks;
            var due = await db.WebhookDeliveries
                .Where(d => d.DeliveredAt == null && !d.Abandoned && d.NextAttemptTicks <= nowTicks)
                // Due time first, so deliveries that webhook chaos held go out in the order they were released.
                .OrderBy(d => d.NextAttemptTicks).ThenBy(d => d.Sequence)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                var next = await db.WebhookDeliveries
                    .Where(d => d.DeliveredAt == null && !d.Abandoned)
                    .OrderBy(d => d.NextAttemptTicks)
                    .Select(d => (DateTimeOffset?)d.NextAttemptAt)
                    .FirstOrDefaultAsync(cancellationToken);
                return next;
            }
            foreach (var delivery in due)
            {
                // Webhook chaos (docs/faults.md): a held delivery is rescheduled without counting an attempt.
                var verdict = chaos.Decide($"{delivery.EventId}/{delivery.SubscriptionId}", $"{delivery.EventType} {delivery.EventId}");
                if (verdict.HoldUntil is { } heldUntil)
                {
                    delivery.NextAttemptAt = heldUntil;
                    delivery.NextAttemptTicks = heldUntil.UtcTicks;
                    continue;
                }
                // Retry delays count from the start of the attempt, not from whenever the answer came back.
                var attemptedAt = clock.GetUtcNow();
                var status = await verdict.SendAsync(() => SendAsync(delivery, cancellationToken), dropped: (int?)200);
                Record(delivery, status, attemptedAt);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<int?> SendAsync(PosWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.NotificationUrl)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(SignatureHeader, WebhookOutbox.Signature(delivery.SignatureKey, delivery.NotificationUrl, delivery.Body));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Record(PosWebhookDelivery delivery, int? status, DateTimeOffset attemptedAt)
    {
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastStatus = status;
        var outcome = status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer";
        if (status is >= 200 and < 300)
        {
            delivery.DeliveredAt = now;
            ledger.RecordEffect($"webhook {delivery.EventType} {delivery.EventId} delivered to {delivery.NotificationUrl} ({outcome}, attempt {delivery.Attempts})");
            return;
        }
        var delays = runtime.Settings.Webhooks.RetryDelays;
        if (delivery.Attempts > delays.Count)
        {
            delivery.Abandoned = true;
            ledger.RecordEffect($"webhook {delivery.EventType} {delivery.EventId} abandoned after {delivery.Attempts} attempts to {delivery.NotificationUrl} ({outcome})");
            return;
        }
        delivery.NextAttemptAt = attemptedAt + delays[delivery.Attempts - 1];
        delivery.NextAttemptTicks = delivery.NextAttemptAt.UtcTicks;
        ledger.RecordEffect($"webhook {delivery.EventType} {delivery.EventId} failed at {delivery.NotificationUrl} ({outcome}, attempt {delivery.Attempts}); retry at {delivery.NextAttemptAt:O}");
    }
}
