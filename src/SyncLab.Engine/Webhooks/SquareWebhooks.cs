using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// Change capture by webhook from the POS: <c>POST /engine/webhooks/square</c>. Stock moving at a till
/// (<c>inventory.count.updated</c>) or an order changing makes the engine poll now (the till sales and, with
/// available-to-sell from the stores, the counts); the poll reads the state, so webhook and poll are one change.
/// </summary>
public static class SquareWebhooks
{
    public const string Vendor = WebhookSubscriber.Square;
    public const string SignatureHeader = "x-square-hmacsha256-signature";

    /// <summary>
    /// 401 unless <c>x-square-hmacsha256-signature</c> is the HMAC-SHA256 of notification URL + raw body with a signature
    /// key the engine knows; then an event type it subscribes to polls now, once per <c>event_id</c>; others are ignored.
    /// </summary>
    internal static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, SyncEngine engine, WebhookLog log, TimeProvider clock, WebhookSubscriber subscriber, CancellationToken ct)
    {
        var body = await WebhookReceiver.ReadBodyAsync(request, ct);
        var now = clock.GetUtcNow();
        // Square signs the URL it was given; behind a proxy that is not the one this request came to.
        string[] urls = [.. new[] { subscriber.CallbackUrl(Vendor), request.GetEncodedUrl() }.OfType<string>().Distinct(StringComparer.Ordinal)];
        if (!SignedBy(body, request.Headers[SignatureHeader].ToString(), urls, subscriber.SquareSignatureKeys))
        {
            return WebhookReceiver.Refused(log, Vendor, now, $"{SignatureHeader} is not the HMAC of the notification URL and body with a signature key of the engine's subscriptions.");
        }
        return WebhookReceiver.Event(
            body, Vendor, e => (WebhookReceiver.Text(e, "type"), WebhookReceiver.Text(e, "event_id")), WebhookSubscriber.SquareEvents.Contains, engine, log, now);
    }

    public static bool SignedBy(byte[] body, string signature, IEnumerable<string> notificationUrls, IEnumerable<string> keys)
    {
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        foreach (var key in keys)
        {
            foreach (var url in notificationUrls)
            {
                byte[] signed = [.. Encoding.UTF8.GetBytes(url), .. body];
                var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), signed);
                if (CryptographicOperations.FixedTimeEquals(expected, given))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
