using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>What every vendor's webhook endpoint does once it has checked a delivery: log it, de-duplicate it, poll now.</summary>
internal static class WebhookReceiver
{
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// Logs a checked delivery and says whether it calls for a poll now: a topic the engine acts on, not seen before (a
    /// duplicate is answered alike and logged as such); any other topic is logged as ignored. Without an id every
    /// delivery counts as new: one poll too many is harmless.
    /// </summary>
    public static bool Record(WebhookLog log, string vendor, string topic, string? deliveryId, bool actsOn, DateTimeOffset now)
    {
        var id = string.IsNullOrEmpty(deliveryId) ? Guid.NewGuid().ToString("N") : deliveryId;
        if (!actsOn)
        {
            log.Note(new WebhookReceipt(vendor, topic, id, "ignored", now));
            return false;
        }
        return log.FirstTime(new WebhookReceipt(vendor, topic, id, "poll", now));
    }

    /// <summary>
    /// A checked delivery whose body is one JSON event (Square's, ShipStation's): its topic and delivery id as the vendor
    /// gives them; a topic the engine acts on, not seen before, makes it poll now. 400 when the body is not a JSON object.
    /// </summary>
    public static Results<Ok, ProblemHttpResult> Event(
        byte[] body, string vendor, Func<JsonElement, (string Topic, string? Id)> read, Func<string, bool> actsOn, SyncEngine engine, WebhookLog log, DateTimeOffset now)
    {
        using var json = TryParse(body);
        if (json?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Unreadable(vendor, "an event is a JSON object.");
        }
        var (topic, id) = read(json.RootElement);
        if (Record(log, vendor, topic, id, actsOn(topic), now))
        {
            engine.SyncNow();
        }
        return TypedResults.Ok();
    }

    /// <summary>A delivery whose signature or secret is wrong: logged as refused, answered 401 problem+json, nothing done.</summary>
    public static ProblemHttpResult Refused(WebhookLog log, string vendor, DateTimeOffset now, string detail)
    {
        log.Note(new WebhookReceipt(vendor, string.Empty, string.Empty, "refused", now));
        return TypedResults.Problem(
            title: "Webhook signature does not match", detail: detail,
            statusCode: StatusCodes.Status401Unauthorized, type: "https://synclab.dev/problems/webhook-signature");
    }

    /// <summary>A body that is not the vendor's JSON: 400 problem+json.</summary>
    public static ProblemHttpResult Unreadable(string vendor, string reason) =>
        TypedResults.Problem(
            title: "Webhook body cannot be read", detail: $"{vendor}: {reason}",
            statusCode: StatusCodes.Status400BadRequest, type: "https://synclab.dev/problems/webhook-body");

    public static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property of a JSON object; empty when missing or not a string.</summary>
    public static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
}
