using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>
/// Sends due webhook deliveries with Shopify's headers and HMAC, and retries failures on the business
/// clock. After too many consecutive failures the subscription is removed, as Shopify removes
/// subscriptions created through the API. The loop, the business-clock waits and webhook chaos are
/// MirrorKit's <see cref="WebhookPump"/>.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookOutbox outbox,
    TimeProvider clock,
    MirrorLedger ledger,
    StorefrontMirrorSettings settings,
    WebhookChaos chaos,
    ILogger<WebhookDispatcher> logger) : WebhookPump(clock, outbox.Signal, chaos, logger)
{
    private const int Batch = 50;

    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = settings.WebhookConnectTimeout })
    {
        Timeout = settings.WebhookTimeout,
    };

    /// <summary>Sends every delivery due now; returns when the next pending one falls due (null: none pending).</summary>
    protected override async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<StorefrontDb>();
            var now = Clock.GetUtcNow();
            var due = await db.WebhookDeliveries
                .Where(d => d.Status == DeliveryStatuses.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatuses.Pending)
                    .OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
            }
            foreach (var delivery in due)
            {
                await AttemptAsync(db, delivery, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
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
        // Stays so only when webhook chaos dropped the attempt (nothing was sent).
        string? error = "dropped by webhook chaos";
        var attempt = await AttemptAsync(delivery.WebhookId, $"{delivery.Topic} {delivery.WebhookId}", async () =>
        {
            var (status, failure) = await PostAsync(delivery, subscription.ApiVersion, ct);
            error = failure;
            return status;
        });
        if (attempt.HeldUntil is { } heldUntil)
        {
            delivery.NextAttemptAt = heldUntil;
            return;
        }
        delivery.Attempts++;
        var now = Clock.GetUtcNow();
        delivery.LastStatusCode = attempt.Status;
        delivery.LastError = error;
        if (attempt.Delivered)
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
            ledger.RecordEffect($"webhook {delivery.Topic} to {delivery.CallbackUrl} failed ({attempt.Status?.ToString(CultureInfo.InvariantCulture) ?? error}); retry at {delivery.NextAttemptAt:O}", "webhooks");
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

    private async Task<(int? Status, string? Error)> PostAsync(WebhookDeliveryRecord delivery, string apiVersion, CancellationToken ct)
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
            return ((int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Base64 HMAC-SHA256 of the raw body keyed with the app's client secret: what receivers verify.</summary>
    public static string Sign(string body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
