using System.Text.Json.Serialization;
using SyncLab.Mirrors.Erp.OData;

namespace SyncLab.Mirrors.Erp.Webhooks;

/// <summary>Something that changed in the company, as a webhook would report it.</summary>
internal sealed record Change(string EntitySet, Guid Id, string ChangeType, DateTimeOffset At);

/// <summary>What the planner needs of a subscription.</summary>
internal sealed record SubscriptionView(string SubscriptionId, string NotificationUrl, string ResourceKey, string ClientState, DateTimeOffset ExpirationDateTime);

/// <summary>One entry of a notification body's <c>value</c> array, in the vendor's field order.</summary>
internal sealed record Notification(
    [property: JsonPropertyName("subscriptionId")] string SubscriptionId,
    [property: JsonPropertyName("clientState")] string ClientState,
    [property: JsonPropertyName("expirationDateTime")] string ExpirationDateTime,
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("changeType")] string ChangeType,
    [property: JsonPropertyName("lastModifiedDateTime")] string LastModifiedDateTime);

/// <summary>One POST to one notification URL: notifications of every subscription that shares it.</summary>
internal sealed record Delivery(string NotificationUrl, IReadOnlyList<Notification> Notifications)
{
    public IEnumerable<string> SubscriptionIds => Notifications.Select(n => n.SubscriptionId).Distinct();
}

/// <summary>
/// Decides what Business Central would send for the changes of one delay window: one notification per
/// changed entity per matching subscription (created beats updated, deleted beats both), or a single
/// <c>collection</c> notification when a subscription saw more changes than the threshold. Pure.
/// </summary>
internal static class WebhookPlan
{
    public static IReadOnlyList<Delivery> Build(IReadOnlyList<Change> changes, IReadOnlyList<SubscriptionView> subscriptions, Guid companyId, int collectionThreshold)
    {
        var company = $"v2.0/companies({companyId:D})";
        var merged = changes
            .GroupBy(c => (c.EntitySet, c.Id))
            .Select(g => g.OrderBy(c => Rank(c.ChangeType)).ThenBy(c => c.At).Last() with { At = g.Max(c => c.At) })
            .OrderBy(c => c.At)
            .ToList();

        var notifications = new List<(string Url, Notification Notification)>();
        foreach (var subscription in subscriptions)
        {
            var matching = merged.Where(c => Matches(subscription.ResourceKey, company, c)).ToList();
            if (matching.Count == 0)
            {
                continue;
            }
            var expires = ODataJson.Instant(subscription.ExpirationDateTime);
            if (matching.Count > collectionThreshold)
            {
                var since = ODataJson.Instant(matching.Min(c => c.At).AddMilliseconds(-1));
                var entitySet = matching[0].EntitySet;
                notifications.Add((subscription.NotificationUrl, new Notification(
                    subscription.SubscriptionId, subscription.ClientState, expires,
                    $"api/{company}/{entitySet}?$filter=lastModifiedDateTime%20gt%20{since}",
                    "collection", ODataJson.Instant(matching.Max(c => c.At)))));
                continue;
            }
            notifications.AddRange(matching.Select(c => (subscription.NotificationUrl, new Notification(
                subscription.SubscriptionId, subscription.ClientState, expires,
                $"api/{company}/{c.EntitySet}({c.Id:D})", c.ChangeType, ODataJson.Instant(c.At)))));
        }
        return notifications
            .GroupBy(n => n.Url, StringComparer.Ordinal)
            .Select(g => new Delivery(g.Key, g.Select(n => n.Notification).ToList()))
            .ToList();
    }

    /// <summary>"/api/v2.0/companies(ID)/items?$filter=..." → "v2.0/companies(id)/items", for matching.</summary>
    public static string ResourceKey(string resource)
    {
        var path = resource;
        if (Uri.TryCreate(resource, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            path = absolute.AbsolutePath;
        }
        path = path.Split('?')[0].Trim('/');
        if (path.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[4..];
        }
        return path.ToLowerInvariant();
    }

    private static bool Matches(string resourceKey, string company, Change change)
    {
        var collection = $"{company}/{change.EntitySet}".ToLowerInvariant();
        return resourceKey == collection || resourceKey == $"{collection}({change.Id:D})";
    }

    private static int Rank(string changeType) => changeType switch
    {
        "deleted" => 3,
        "created" => 2,
        _ => 1,
    };
}
