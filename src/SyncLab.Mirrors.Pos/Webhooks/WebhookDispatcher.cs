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
    : OutboxWebhookPump<PosDb, PosWebhookDelivery>(scopes, clock, signal, chaos, ledger, logger)
{
    public const string HttpClientName = "synclab-pos-webhooks";
    public const string SignatureHeader = "x-square-hmacsha256-signature";
    protected override DbSet<PosWebhookDelivery> Rows(PosDb db) => db.WebhookDeliveries;

    protected override string ChaosKey(PosWebhookDelivery delivery) => $"{delivery.EventId}/{delivery.SubscriptionId}";

    protected override string Name(PosWebhookDelivery delivery) => $"{delivery.EventType} {delivery.EventId}";

    protected override string Url(PosWebhookDelivery delivery) => delivery.NotificationUrl;

    protected override IReadOnlyList<TimeSpan> RetryDelays => runtime.Settings.Webhooks.RetryDelays;

    protected override async Task<int?> SendAsync(PosWebhookDelivery delivery, CancellationToken cancellationToken)
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
}
