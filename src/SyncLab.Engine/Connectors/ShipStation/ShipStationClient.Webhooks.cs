using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.ShipStation;

/// <summary>A ShipStation webhook: one URL per event for the whole account (<c>/v2/environment/webhooks</c>).</summary>
public sealed record ShipStationWebhook(
    [property: JsonPropertyName("webhook_id")] string WebhookId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("event")] string Event);

/// <summary>One RSA public key of the JSON Web Key Set ShipStation signs webhooks with (RFC 7517).</summary>
public sealed record ShipStationSigningKey(
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("n")] string N,
    [property: JsonPropertyName("e")] string E);

/// <summary>Webhooks (list, create, point elsewhere) and the keys their signatures are checked with.</summary>
public sealed partial class ShipStationClient
{
    public Task<List<ShipStationWebhook>> WebhooksAsync(CancellationToken ct) =>
        SendAsync<List<ShipStationWebhook>>(HttpMethod.Get, "v2/environment/webhooks", null, ct);

    public Task<ShipStationWebhook> CreateWebhookAsync(string @event, string url, CancellationToken ct) =>
        SendAsync<ShipStationWebhook>(HttpMethod.Post, "v2/environment/webhooks", new { @event, url }, ct);

    /// <summary>update_webhook (204): the account's webhook for the event sends to <paramref name="url"/> from now on.</summary>
    public async Task PointWebhookAsync(string webhookId, string url, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Put, $"v2/environment/webhooks/{Uri.EscapeDataString(webhookId)}", new { url });
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }

    /// <summary>The published signing keys (no api-key: ShipStation serves them to anyone).</summary>
    public async Task<IReadOnlyList<ShipStationSigningKey>> SigningKeysAsync(Uri jwks, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, jwks);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
        return (await response.Content.ReadFromJsonAsync<KeySet>(Json, ct))?.Keys ?? [];
    }

    private sealed record KeySet([property: JsonPropertyName("keys")] List<ShipStationSigningKey> Keys);
}
