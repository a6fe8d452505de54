using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Webhooks;

/// <summary>
/// Drains the delivery rows: POSTs each signed event, and on failure retries after the configured
/// business-time delays, then gives up. The loop, the business-clock waits and webhook chaos are
/// MirrorKit's <see cref="WebhookPump"/>; this class knows Square's rows and headers.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSignal signal, TimeProvider clock, MirrorLedger ledger, PosRuntime runtime, WebhookChaos chaos,
    ILogger<WebhookDispatcher> logger)
    : WebhookPump(clock, signal, chaos, logger)
{
    public const string HttpClientName = "synclab-pos-webhooks";
    public const string SignatureHeader = "x-square-hmacsha256-signature";
    private const int Batch = 50;

    protected override async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PosDb>();
            var nowTicks = Clock.GetUtcNow().UtcTicks;
            var due = await db.WebhookDeliveries
                .Where(d => d.DeliveredAt == null && !d.Abandoned && d.NextAttemptTicks <= nowTicks)
                // Due time first, so deliveries that webhook chaos held go out in the order they were released.
                .OrderBy(d => d.NextAttemptTicks).ThenBy(d => d.Sequence)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return await db.WebhookDeliveries
                    .Where(d => d.DeliveredAt == null && !d.Abandoned)
                    .OrderBy(d => d.NextAttemptTicks)
                    .Select(d => (DateTimeOffset?)d.NextAttemptAt)
                    .FirstOrDefaultAsync(cancellationToken);
            }
            foreach (var delivery in due)
            {
                var attempt = await AttemptAsync($"{delivery.EventId}/{delivery.SubscriptionId}", $"{delivery.EventType} {delivery.EventId}",
                    () => SendAsync(delivery, cancellationToken));
                if (attempt.HeldUntil is { } heldUntil)
                {
                    delivery.NextAttemptAt = heldUntil;
                    delivery.NextAttemptTicks = heldUntil.UtcTicks;
                    continue;
                }
                Record(delivery, attempt);
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

    private void Record(PosWebhookDelivery delivery, WebhookAttempt attempt)
    {
        delivery.Attempts++;
        delivery.LastStatus = attempt.Status;
        if (attempt.Delivered)
        {
            delivery.DeliveredAt = Clock.GetUtcNow();
            ledger.RecordEffect($"webhook {delivery.EventType} {delivery.EventId} delivered to {delivery.NotificationUrl} ({attempt.Outcome}, attempt {delivery.Attempts})");
            return;
        }
        if (attempt.NextAttempt(delivery.Attempts, runtime.Settings.Webhooks.RetryDelays) is not { } next)
        {
            delivery.Abandoned = true;
            ledger.RecordEffect($"webhook {delivery.EventType} {delivery.EventId} abandoned after {delivery.Attempts} attempts to {delivery.NotificationUrl} ({attempt.Outcome})");
            return;
        }
        delivery.NextAttemptAt = next;
        delivery.NextAttemptTicks = next.UtcTicks;
        ledger.RecordEffect($"webhook {delivery.EventType} {delivery.EventId} failed at {delivery.NotificationUrl} ({attempt.Outcome}, attempt {delivery.Attempts}); retry at {next:O}");
    }
}
