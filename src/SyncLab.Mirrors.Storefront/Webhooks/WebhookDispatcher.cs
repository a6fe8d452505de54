using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>
/// Sends due webhook deliveries with Shopify's headers and HMAC, and retries failures on the business
/// clock (a frozen clock holds retries back; advancing it releases them). After too many consecutive
/// failures the subscription is removed, as Shopify removes subscriptions created through the API.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookOutbox outbox,
    TimeProvider clock,
    MirrorLedger ledger,
    StorefrontMirrorSettings settings,
    WebhookChaos chaos,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int Batch = 50;

    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = settings.WebhookConnectTimeout })
    {
        Timeout = settings.WebhookTimeout,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? nextDue;
            try
            {
                nextDue = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook dispatch round failed; trying again on the next signal.");
                nextDue = null;
            }
            await WaitAsync(nextDue, stoppingToken);
        }
    }

    /// <summary>Sends every delivery due now; returns when the next pending one falls due (null: none pending).</summary>
    private async Task<DateTimeOffset?> SendDueAsync(CancellationToken ct)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<StorefrontDb>();
            var now = clock.GetUtcNow();
            var due = await db.WebhookDeliveries
                .Where(d => d.Status == DeliveryStatuses.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Take(Batch)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                var pending = await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatuses.Pending)
                    .OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(ct);
                return pending;
            }
            foreach (var delivery in due)
            {
                await AttemptAsync(db, delivery, ct);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task AttemptAsync(StorefrontDb db, WebhookDeliveryRecord delivery, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (subscription is null)
        {
            delivery.Status = DeliveryStatuses.Failed;
            delivery.LastError = "subscription removed";
            return;
        }
        // Webhook chaos (docs/faults.md): a held delivery is rescheduled without counting an attempt.
        var verdict = chaos.Decide(delivery.WebhookId, $"{delivery.Topic} {delivery.WebhookId}");
        if (verdict.HoldUntil is { } heldUntil)
        {
            delivery.NextAttemptAt = heldUntil;
            return;
        }
        delivery.Attempts++;
        var (ok, status, error) = await verdict.SendAsync(() => PostAsync(delivery, subscription.ApiVersion, ct), dropped: (true, null, "dropped by webhook chaos"));
        var now = clock.GetUtcNow();
        delivery.LastStatusCode = status;
        delivery.LastError = error;
        if (ok)
        {
            delivery.Status = DeliveryStatuses.Delivered;
            delivery.DeliveredAt = now;
            subscription.ConsecutiveFailures = 0;
            ledger.RecordEffect($"webhook {delivery.Topic} delivered to {delivery.CallbackUrl} (attempt {delivery.Attempts})", "webhooks");
            return;
        }
        subscription.ConsecutiveFailures++;
        var retry = delivery.Attempts - 1;
        if (retry < settings.WebhookRetryDelays.Count)
        {
            delivery.NextAttemptAt = now + settings.WebhookRetryDelays[retry];
            ledger.RecordEffect($"webhook {delivery.Topic} to {delivery.CallbackUrl} failed ({status?.ToString(CultureInfo.InvariantCulture) ?? error}); retry at {delivery.NextAttemptAt:O}", "webhooks");
        }
        else
        {
            delivery.Status = DeliveryStatuses.Failed;
            ledger.RecordEffect($"webhook {delivery.Topic} to {delivery.CallbackUrl} failed for good after {delivery.Attempts} attempts", "webhooks");
        }
        if (subscription.ConsecutiveFailures > settings.WebhookFailuresBeforeRemoval)
        {
            db.WebhookSubscriptions.Remove(subscription);
            ledger.RecordEffect($"webhook subscription {subscription.Topic} -> {subscription.CallbackUrl} removed after {subscription.ConsecutiveFailures} consecutive failures", "webhooks");
        }
    }

    private async Task<(bool Ok, int? Status, string? Error)> PostAsync(WebhookDeliveryRecord delivery, string apiVersion, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.CallbackUrl)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd("Shopify-Captain-Hook");
        request.Headers.Add("X-Shopify-Topic", delivery.Topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", Sign(delivery.Payload, settings.WebhookSecret));
        request.Headers.Add("X-Shopify-Shop-Domain", settings.ShopDomain);
        request.Headers.Add("X-Shopify-API-Version", apiVersion);
        request.Headers.Add("X-Shopify-Webhook-Id", delivery.WebhookId);
        request.Headers.Add("X-Shopify-Event-Id", delivery.EventId);
        request.Headers.Add("X-Shopify-Triggered-At", WebhookPayloads.Utc(delivery.TriggeredAt));
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return ((int)response.StatusCode is >= 200 and < 300, (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (false, null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Base64 HMAC-SHA256 of the raw body keyed with the app's client secret: what receivers verify.</summary>
    public static string Sign(string body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task WaitAsync(DateTimeOffset? nextDue, CancellationToken ct)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signalled = outbox.WaitAsync(wake.Token);
        var waits = new List<Task> { signalled };
        if (nextDue is { } due)
        {
            var wait = due - clock.GetUtcNow();
            // The delay runs on the business clock: frozen time holds retries, advancing it releases them.
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
        ct.ThrowIfCancellationRequested();
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
