namespace SyncLab.Engine.Webhooks;

/// <summary>What to do about one subscription the engine needs.</summary>
public enum SubscriptionAction
{
    /// <summary>There and not about to expire.</summary>
    Keep,

    /// <summary>None there: make it.</summary>
    Create,

    /// <summary>Expiring soon (Business Central): renew it.</summary>
    Renew,

    /// <summary>Expired, disabled, or signing for another address: make a new one (and remove the dead one where it is still listed).</summary>
    Recreate,

    /// <summary>ShipStation's one webhook per event sends elsewhere: point it at the engine.</summary>
    Point,
}

/// <summary>Pure decisions about the engine's subscriptions, from what the vendor lists.</summary>
public static class SubscriptionPlan
{
    /// <summary>
    /// A Business Central subscription, by when the newest of the engine's for a collection expires (null: there is none).
    /// Expired means dead — BC sends it nothing and may delete it any time — so it is made again, not renewed.
    /// </summary>
    public static SubscriptionAction ForBusinessCentral(DateTimeOffset? expires, DateTimeOffset now, TimeSpan renewBefore) => expires switch
    {
        null => SubscriptionAction.Create,
        { } e when e <= now => SubscriptionAction.Recreate,
        { } e when e - now <= renewBefore => SubscriptionAction.Renew,
        _ => SubscriptionAction.Keep,
    };

    /// <summary>Square: an enabled subscription to the engine's URL with every event type it needs is kept; a disabled one is replaced.</summary>
    public static SubscriptionAction ForSquare(bool? enabled) => enabled switch
    {
        null => SubscriptionAction.Create,
        false => SubscriptionAction.Recreate,
        true => SubscriptionAction.Keep,
    };

    /// <summary>ShipStation allows one webhook per event per account: the event's webhook is the engine's, or is made to be.</summary>
    public static SubscriptionAction ForShipStation(string? url, string callback) => url switch
    {
        null => SubscriptionAction.Create,
        _ when string.Equals(url, callback, StringComparison.Ordinal) => SubscriptionAction.Keep,
        _ => SubscriptionAction.Point,
    };

    /// <summary>"/api/v2.0/companies(ID)/items?$filter=…" or an absolute URL → "v2.0/companies(id)/items", to tell which collection a subscription watches.</summary>
    public static string ResourceKey(string resource)
    {
        var path = Uri.TryCreate(resource, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.AbsolutePath
            : resource;
        path = path.Split('?')[0].Trim('/');
        return (path.StartsWith("api/", StringComparison.OrdinalIgnoreCase) ? path[4..] : path).ToLowerInvariant();
    }
}
