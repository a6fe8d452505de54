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
    : OutboxWebhookPump<WarehouseDb, WhWebhookDelivery>(scopes, clock, signal, chaos, ledger, logger)
{
    public const string HttpClientName = "synclab-warehouse-webhooks";
    protected override DbSet<WhWebhookDelivery> Rows(WarehouseDb db) => db.WebhookDeliveries;

    protected override string ChaosKey(WhWebhookDelivery delivery) => $"warehouse/{delivery.Sequence}";

    protected override string Name(WhWebhookDelivery delivery) => WebhookOutbox.Name(delivery);

    protected override string Url(WhWebhookDelivery delivery) => delivery.Url;

    protected override IReadOnlyList<TimeSpan> RetryDelays => runtime.Settings.Webhooks.RetryDelays;

    protected override string LedgerPath => "webhooks";

    protected override async Task<int?> SendAsync(WhWebhookDelivery delivery, CancellationToken cancellationToken)
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
}
