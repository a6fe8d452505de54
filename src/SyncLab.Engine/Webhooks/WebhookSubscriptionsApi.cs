using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// The webhook endpoints of the ERP, the POS and the warehouse, and their subscriptions:
/// <c>PUT /engine/webhooks/{vendor}/subscriptions</c> subscribes the engine now (and keeps it subscribed),
/// <c>GET /engine/webhooks/subscriptions</c> says what the last look at each vendor found and did.
/// </summary>
public static class WebhookSubscriptionsApi
{
    public sealed record SubscriptionsBody(string? Address);

    public static void MapVendorWebhooks(this RouteGroupBuilder engine)
    {
        engine.MapPost("/webhooks/businesscentral", BusinessCentralWebhooks.ReceiveAsync);
        engine.MapPost("/webhooks/square", SquareWebhooks.ReceiveAsync);
        engine.MapPost("/webhooks/shipstation", ShipStationWebhooks.ReceiveAsync);
        engine.MapPut("/webhooks/{vendor}/subscriptions", SubscribeAsync);
        engine.MapGet("/webhooks/subscriptions", (WebhookSubscriber subscriber) => TypedResults.Ok(subscriber.Latest));
    }

    /// <summary>
    /// Subscribes <c>{address}engine/webhooks/{vendor}</c> (the address defaults to the one this request came to); 200 with
    /// what was created, renewed or found; 404 for a vendor the engine is not configured for; 400 for a bad address;
    /// 502 when the vendor refused (Business Central refuses when the engine does not answer its handshake at that address).
    /// </summary>
    private static async Task<Results<Ok<VendorSubscriptions>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        string vendor, HttpRequest request, WebhookSubscriber subscriber, CancellationToken ct)
    {
        if (!subscriber.Vendors.Contains(vendor, StringComparer.Ordinal))
        {
            return TypedResults.Problem(
                title: "No such webhook source", detail: $"'{vendor}' is not one of this engine's: {string.Join(", ", subscriber.Vendors)} (and shopify).",
                statusCode: StatusCodes.Status404NotFound, type: "https://synclab.dev/problems/webhook-vendor-unknown");
        }
        var (address, invalid) = await AddressAsync(request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        var result = await subscriber.SubscribeAsync(vendor, address!, ct);
        return result.Error is null
            ? TypedResults.Ok(result)
            : TypedResults.Problem(
                title: $"{vendor} did not take the webhook subscription", detail: result.Error,
                statusCode: StatusCodes.Status502BadGateway, type: "https://synclab.dev/problems/webhook-subscriptions-failed");
    }

    /// <summary>The engine's public address from a subscriptions request: <c>{"address": "https://…/"}</c>, else the one the request came to.</summary>
    internal static async Task<(Uri? Address, ValidationProblem? Invalid)> AddressAsync(HttpRequest request, CancellationToken ct)
    {
        // Read whatever came, sized or chunked (a client streaming JSON sends no Content-Length); nothing means no body.
        var text = await new StreamReader(request.Body).ReadToEndAsync(ct);
        SubscriptionsBody? body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonSerializer.Deserialize<SubscriptionsBody>(text, JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                return (null, Invalid("body", e.Message));
            }
        }
        var address = body?.Address ?? $"{request.Scheme}://{request.Host}/";
        return Uri.TryCreate(address, UriKind.Absolute, out var baseUri) && (baseUri.Scheme == Uri.UriSchemeHttp || baseUri.Scheme == Uri.UriSchemeHttps)
            ? (baseUri, null)
            : (null, Invalid("address", $"'{address}' is not an absolute http(s) address."));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            title: "Cannot subscribe the engine to the vendor's webhooks", type: "https://synclab.dev/problems/webhook-subscriptions-invalid");
}
