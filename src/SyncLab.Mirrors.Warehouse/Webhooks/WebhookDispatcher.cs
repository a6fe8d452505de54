using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Webhooks;

/// <summary>
/// Drains the warehouse's webhook rows: POSTs each event with ShipStation's signature headers and the
/// webhook's custom headers; a failure (no 2xx, or no answer) goes again after the configured business-time
/// delays, then is abandoned. The loop, the business-clock waits and webhook chaos are MirrorKit's
/// <see cref="WebhookPump"/>.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSignal signal, TimeProvider clock, MirrorLedger ledger, WarehouseRuntime runtime,
    WebhookSigner signer, WebhookChaos chaos, ILogger<WebhookDispatcher> logger)
    : WebhookPump(clock, signal, chaos, logger)
{
    public const string HttpClientName = "synclab-warehouse-webhooks";
    private const int Batch = 50;

    protected override async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WarehouseDb>();
            var nowTicks = Clock.GetUtcNow().UtcTicks;
            var due = await db.WebhookDeliveries
                .Where(d => d.DeliveredAt == null && !d.Abandoned && d.NextAttemptTicks <= nowTicks)
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
                var attempt = await AttemptAsync($"warehouse/{delivery.Sequence}", WebhookOutbox.Name(delivery), () => SendAsync(delivery, cancellationToken));
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

    private async Task<int?> SendAsync(WhWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var header in WebhookHeader.FromJson(delivery.HeadersJson))
        {
            request.Headers.TryAddWithoutValidation(header.Key!, header.Value);
        }
        // Signed when sent: the timestamp is the attempt's (business) time, the body the stored bytes.
        var timestamp = ShipStationJson.Time(Clock.GetUtcNow());
        request.Headers.TryAddWithoutValidation(WebhookSigner.KeyIdHeader, signer.KeyId);
        request.Headers.TryAddWithoutValidation(WebhookSigner.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(WebhookSigner.SignatureHeader, signer.Sign(timestamp, delivery.Body));
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

    private void Record(WhWebhookDelivery delivery, WebhookAttempt attempt)
    {
        delivery.Attempts++;
        delivery.LastStatus = attempt.Status;
        var name = WebhookOutbox.Name(delivery);
        if (attempt.Delivered)
        {
            delivery.DeliveredAt = Clock.GetUtcNow();
            ledger.RecordEffect($"webhook {name} delivered to {delivery.Url} ({attempt.Outcome}, attempt {delivery.Attempts})", "webhooks");
            return;
        }
        if (attempt.NextAttempt(delivery.Attempts, runtime.Settings.Webhooks.RetryDelays) is not { } next)
        {
            delivery.Abandoned = true;
            ledger.RecordEffect($"webhook {name} abandoned after {delivery.Attempts} attempts to {delivery.Url} ({attempt.Outcome})", "webhooks");
            return;
        }
        delivery.NextAttemptAt = next;
        delivery.NextAttemptTicks = next.UtcTicks;
        ledger.RecordEffect($"webhook {name} failed at {delivery.Url} ({attempt.Outcome}, attempt {delivery.Attempts}); retry at {next:O}", "webhooks");
    }
}
