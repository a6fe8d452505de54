using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>A Business Central webhook subscription (<c>/api/v2.0/subscriptions</c>).</summary>
public sealed record BcSubscription(
    [property: JsonPropertyName("subscriptionId")] string SubscriptionId,
    [property: JsonPropertyName("notificationUrl")] string NotificationUrl,
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("clientState")] string? ClientState,
    [property: JsonPropertyName("expirationDateTime")] DateTimeOffset ExpirationDateTime,
    [property: JsonPropertyName("@odata.etag")] string? ETag);

/// <summary>Webhook subscriptions: list, create (BC hand-shakes with the notification URL first), renew (PATCH: handshake again), delete.</summary>
public sealed partial class BusinessCentralClient
{
    /// <summary>The collection a subscription watches, as BC wants it: <c>/api/v2.0/companies(id)/items</c>.</summary>
    public async Task<string> SubscriptionResourceAsync(string entitySet, CancellationToken ct) =>
        $"/api/v2.0/companies({await CompanyIdAsync(ct):D})/{entitySet}";

    public Task<List<BcSubscription>> SubscriptionsAsync(CancellationToken ct) =>
        AllAsync<BcSubscription>(new Uri(options.ErpBaseUrl, "api/v2.0/subscriptions"), ct);

    public Task<BcSubscription> CreateSubscriptionAsync(string notificationUrl, string resource, string clientState, CancellationToken ct) =>
        SendAsync<BcSubscription>(HttpMethod.Post, new Uri(options.ErpBaseUrl, "api/v2.0/subscriptions"),
            new { notificationUrl, resource, clientState }, ct);

    /// <summary>Three more days from BC's now; BC hand-shakes with the notification URL again before it answers.</summary>
    public async Task<BcSubscription> RenewSubscriptionAsync(BcSubscription subscription, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(options.ErpBaseUrl, $"api/v2.0/subscriptions('{Quote(subscription.SubscriptionId)}')"))
        {
            Content = JsonContent.Create(new { notificationUrl = subscription.NotificationUrl, clientState = subscription.ClientState }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.TryAddWithoutValidation("If-Match", subscription.ETag ?? "*");
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
        return await response.Content.ReadFromJsonAsync<BcSubscription>(Json, ct)
            ?? throw new VendorCallException(System, "empty answer from subscriptions", transient: true);
    }

    public async Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(options.ErpBaseUrl, $"api/v2.0/subscriptions('{Quote(subscriptionId)}')"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ErpToken);
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }
}
