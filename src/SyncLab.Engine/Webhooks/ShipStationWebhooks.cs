using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// Change capture by webhook from the warehouse: <c>POST /engine/webhooks/shipstation</c>. ShipStation's <c>track</c>
/// event fires when a label is bought (status NY, "not yet in system") and at every scan; the engine polls now, so a
/// shipped parcel reaches the storefront and the ERP without waiting for the next poll.
/// </summary>
public static class ShipStationWebhooks
{
    public const string Vendor = WebhookSubscriber.ShipStation;

    /// <summary>The <c>resource_type</c> of a <c>track</c> event.</summary>
    public const string TrackResourceType = "API_TRACK";

    /// <summary>
    /// 401 unless ShipStation signed it (<see cref="ShipStationSignatures"/>) within the tolerance of now; then a track
    /// event polls now. ShipStation sends no delivery id: a delivery is known by its signed body, so a redelivery of the
    /// same event is a duplicate, and a new scan (a new body) is news.
    /// </summary>
    internal static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, SyncEngine engine, WebhookLog log, TimeProvider clock, ShipStationSignatures signatures, CancellationToken ct)
    {
        var body = await WebhookReceiver.ReadBodyAsync(request, ct);
        var now = clock.GetUtcNow();
        var refusal = await signatures.RefusalAsync(body, request.Headers[ShipStationSignatures.KeyIdHeader].ToString(),
            request.Headers[ShipStationSignatures.TimestampHeader].ToString(), request.Headers[ShipStationSignatures.SignatureHeader].ToString(), ct);
        if (refusal is not null)
        {
            return WebhookReceiver.Refused(log, Vendor, now, refusal);
        }
        return WebhookReceiver.Event(
            body, Vendor, e => (WebhookReceiver.Text(e, "resource_type"), Convert.ToHexStringLower(SHA256.HashData(body))), t => t == TrackResourceType, engine, log, now);
    }
}
