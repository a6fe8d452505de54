using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>One subscription as the engine left it: what it watches, its id at the vendor, what was done, when it expires.</summary>
public sealed record SubscriptionView(string Resource, string Id, string Action, DateTimeOffset? ExpiresAt);

/// <summary>A vendor's subscriptions for the engine: where they send, what the last look did, and what went wrong if it failed.</summary>
public sealed record VendorSubscriptions(string Vendor, string CallbackUrl, IReadOnlyList<SubscriptionView> Subscriptions, DateTimeOffset CheckedAt, string? Error);

/// <summary>
/// Keeps the engine subscribed to the storefront's, the ERP's, the POS's and the warehouse's webhooks: makes what is
/// missing, renews Business Central subscriptions before their three days run out (BC hand-shakes with the engine again),
/// and makes again what expired, was disabled or was removed (Shopify deletes an API-made subscription after 8 failed
/// deliveries in a row, BC one whose deliveries keep failing). Looked at when asked
/// (<c>PUT /engine/webhooks/{vendor}/subscriptions</c>) and every <see cref="WebhookOptions.SubscriptionCheck"/> of
/// business time (<see cref="WebhookSubscriptionCheck"/>, a step of the engine's poll). Everything here is safe to repeat.
/// </summary>
public sealed partial class WebhookSubscriber(
    EngineOptions options, BusinessCentralClient erp, TimeProvider clock, ILogger<WebhookSubscriber> log,
    SquareClient? pos = null, ShipStationClient? warehouse = null, IHostApplicationLifetime? lifetime = null, IServer? server = null,
    ShopifyAdminClient? shop = null)
    : IEngineCache, IDisposable
{
    public const string Shopify = StorefrontWebhooks.Vendor;
    public const string BusinessCentral = "businesscentral";
    public const string Square = "square";
    public const string ShipStation = "shipstation";

    /// <summary>The ERP collections whose changes the engine polls for (items: prices, stock, products; customers: shopper cards).</summary>
    public static readonly IReadOnlyList<string> ErpResources = ["items", "customers"];

    /// <summary>What Square fires when stock moves (a till sale, a count) and when an order changes.</summary>
    public static readonly IReadOnlyList<string> SquareEvents = ["inventory.count.updated", "order.created", "order.updated"];

    /// <summary>ShipStation's tracking event, fired when a label is bought (status NY) and at every scan.</summary>
    public const string ShipStationEvent = "track";

    /// <summary>A vendor that could not be reached is looked at again this much later (business time), not at every poll.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, Uri> _bases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VendorSubscriptions> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _squareKeys = new(StringComparer.Ordinal);
    private long _nextCheckTicks;
    private bool _configured;

    /// <summary>The vendors this engine talks to (the ERP always).</summary>
    public IReadOnlyList<string> Vendors
    {
        get
        {
            List<string> vendors = [BusinessCentral];
            if (pos is not null)
            {
                vendors.Add(Square);
            }
            if (warehouse is not null)
            {
                vendors.Add(ShipStation);
            }
            return vendors;
        }
    }

    /// <summary>Square signature keys: configured, and those of the subscriptions the engine made or found.</summary>
    public IEnumerable<string> SquareSignatureKeys =>
        options.Webhooks.SquareSignatureKey is { Length: > 0 } configured ? _squareKeys.Values.Append(configured) : _squareKeys.Values;

    /// <summary>The notification URL a vendor was given (Square signs it with the body).</summary>
    public string? CallbackUrl(string vendor) => _bases.TryGetValue(vendor, out var b) ? Callback(b, vendor) : null;

    public IReadOnlyList<VendorSubscriptions> Latest => [.. _last.Values.OrderBy(v => v.Vendor, StringComparer.Ordinal)];

    public static string Callback(Uri baseUri, string vendor) => new Uri(baseUri, $"engine/webhooks/{vendor}").ToString();

    /// <summary>Subscribes one vendor's webhooks to <paramref name="baseUri"/> now, and keeps them alive from then on.</summary>
    public async Task<VendorSubscriptions> SubscribeAsync(string vendor, Uri baseUri, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var result = await EnsureAsync(vendor, baseUri, ct);
            if (result.Error is null)
            {
                // Kept alive only once it worked: an address the vendor cannot reach is not tried again at every check.
                _bases[vendor] = baseUri;
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Looks at every subscription the engine keeps when the check is due (the first time, and every
    /// <see cref="WebhookOptions.SubscriptionCheck"/>); after a vendor failed, again <see cref="RetryAfterFailure"/> later.
    /// </summary>
    public async Task CheckIfDueAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _nextCheckTicks))
        {
            return;
        }
        if (!_configured)
        {
            await ConfigureAsync(ct);
        }
        if (_bases.IsEmpty)
        {
            return;
        }
        await _gate.WaitAsync(ct);
        try
        {
            var failed = false;
            foreach (var (vendor, baseUri) in _bases.ToList())
            {
                failed |= (await EnsureAsync(vendor, baseUri, ct)).Error is not null;
            }
            Interlocked.Exchange(ref _nextCheckTicks, (clock.GetUtcNow() + (failed ? RetryAfterFailure : options.Webhooks.SubscriptionCheck)).UtcTicks);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public void Forget()
    {
        _bases.Clear();
        _last.Clear();
        _squareKeys.Clear();
        Interlocked.Exchange(ref _nextCheckTicks, 0);
        _configured = false;
    }

    /// <summary>The first check: the configured address, or the one the engine listens on, for every vendor it talks to.</summary>
    private async Task ConfigureAsync(CancellationToken ct)
    {
        if (options.Webhooks.CallbackBaseUrl is not null || options.Webhooks.SubscribeListeningAddress)
        {
            if (lifetime is not null && !lifetime.ApplicationStarted.IsCancellationRequested)
            {
                // Business Central calls the engine back before it answers a subscription: the engine must be listening.
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                {
                    await started.Task.WaitAsync(ct);
                }
            }
            if ((options.Webhooks.CallbackBaseUrl ?? ListeningAddress()) is { } address)
            {
                foreach (var vendor in Vendors)
                {
                    _bases.TryAdd(vendor, address);
                }
            }
        }
        _configured = true;
    }

    private Uri? ListeningAddress()
    {
        var listening = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var builder = new UriBuilder(uri) { Path = "/" };
        if (builder.Host is "0.0.0.0" or "[::]" or "+" or "*")
        {
            builder.Host = "127.0.0.1";
        }
        return builder.Uri;
    }

    private async Task<VendorSubscriptions> EnsureAsync(string vendor, Uri baseUri, CancellationToken ct)
    {
        var callback = Callback(baseUri, vendor);
        VendorSubscriptions result;
        try
        {
            var subscriptions = vendor switch
            {
                Shopify => await EnsureShopifyAsync(callback, ct),
                BusinessCentral => await EnsureBusinessCentralAsync(callback, ct),
                Square => await EnsureSquareAsync(callback, ct),
                ShipStation => await EnsureShipStationAsync(callback, ct),
                _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "not a vendor the engine takes webhooks from"),
            };
            result = new VendorSubscriptions(vendor, callback, subscriptions, clock.GetUtcNow(), null);
        }
        catch (VendorCallException e)
        {
            LogSubscriptionFailed(log, vendor, e.Message);
            result = new VendorSubscriptions(vendor, callback, _last.TryGetValue(vendor, out var before) ? before.Subscriptions : [], clock.GetUtcNow(), e.Message);
        }
        _last[vendor] = result;
        return result;
    }

    /// <summary>
    /// One subscription per storefront topic the engine acts on (<see cref="StorefrontWebhooks.Topics"/>) at the
    /// callback; a topic without one there is subscribed. Shopify answers a topic already subscribed at the address
    /// "has already been taken": someone made it meanwhile, which is what was wanted.
    /// </summary>
    private async Task<IReadOnlyList<SubscriptionView>> EnsureShopifyAsync(string callback, CancellationToken ct)
    {
        const string list = """
            query Subscriptions($topics: [WebhookSubscriptionTopic!], $after: String) {
              webhookSubscriptions(first: 100, after: $after, topics: $topics) {
                nodes { id topic endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        const string create = """
            mutation Subscribe($topic: WebhookSubscriptionTopic!, $callbackUrl: URL!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $callbackUrl, format: JSON }) {
                webhookSubscription { id }
                userErrors { field message }
              }
            }
            """;
        var ours = new Dictionary<string, string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var data = await shop!.SendAsync(list, new JsonObject { ["topics"] = new JsonArray([.. StorefrontWebhooks.Topics.Values.Select(t => JsonValue.Create(t))]), ["after"] = after }, ct);
            var connection = data["webhookSubscriptions"]!;
            foreach (var node in connection["nodes"]!.AsArray())
            {
                if (string.Equals((string?)node!["endpoint"]?["callbackUrl"], callback, StringComparison.Ordinal))
                {
                    ours.TryAdd((string)node["topic"]!, (string)node["id"]!);
                }
            }
            after = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        var views = new List<SubscriptionView>();
        foreach (var (rest, topic) in StorefrontWebhooks.Topics)
        {
            if (ours.TryGetValue(topic, out var id))
            {
                views.Add(new SubscriptionView(rest, id, Name(SubscriptionAction.Keep), null));
                continue;
            }
            var data = await shop!.SendAsync(create, new JsonObject { ["topic"] = topic, ["callbackUrl"] = callback }, ct);
            var errors = data["webhookSubscriptionCreate"]?["userErrors"]?.AsArray() ?? [];
            if (errors.Count > 0 && !errors.Any(e => ((string?)e?["message"])?.Contains("already been taken", StringComparison.OrdinalIgnoreCase) == true))
            {
                var made = views.Where(v => v.Action == Name(SubscriptionAction.Create)).Select(v => v.Resource).ToList();
                throw new VendorCallException(Shopify,
                    $"{rest}: {string.Join("; ", errors.Select(e => (string?)e?["message"]))} (subscribed before it: {(made.Count == 0 ? "none" : string.Join(", ", made))})",
                    transient: false, null);
            }
            views.Add(new SubscriptionView(rest, (string?)data["webhookSubscriptionCreate"]?["webhookSubscription"]?["id"] ?? "", Name(SubscriptionAction.Create), null));
        }
        return views;
    }

    private async Task<IReadOnlyList<SubscriptionView>> EnsureBusinessCentralAsync(string callback, CancellationToken ct)
    {
        var listed = await erp.SubscriptionsAsync(ct);
        var views = new List<SubscriptionView>();
        foreach (var entitySet in ErpResources)
        {
            var resource = await erp.SubscriptionResourceAsync(entitySet, ct);
            var key = SubscriptionPlan.ResourceKey(resource);
            var ours = listed
                .Where(s => string.Equals(s.NotificationUrl, callback, StringComparison.Ordinal) && SubscriptionPlan.ResourceKey(s.Resource) == key)
                .MaxBy(s => s.ExpirationDateTime);
            var action = SubscriptionPlan.ForBusinessCentral(ours?.ExpirationDateTime, clock.GetUtcNow(), options.Webhooks.RenewBefore);
            var current = ours;
            switch (action)
            {
                case SubscriptionAction.Create:
                    current = await erp.CreateSubscriptionAsync(callback, resource, options.Webhooks.BusinessCentralClientState, ct);
                    break;
                case SubscriptionAction.Recreate:
                    await DeleteQuietlyAsync(ours!.SubscriptionId, ct);
                    current = await erp.CreateSubscriptionAsync(callback, resource, options.Webhooks.BusinessCentralClientState, ct);
                    break;
                case SubscriptionAction.Renew:
                    current = await erp.RenewSubscriptionAsync(ours! with { ClientState = options.Webhooks.BusinessCentralClientState }, ct);
                    break;
            }
            views.Add(new SubscriptionView(entitySet, current!.SubscriptionId, Name(action), current.ExpirationDateTime));
        }
        return views;
    }

    /// <summary>An expired subscription may already be gone (BC cleans them up): that is what was wanted.</summary>
    private async Task DeleteQuietlyAsync(string subscriptionId, CancellationToken ct)
    {
        try
        {
            await erp.DeleteSubscriptionAsync(subscriptionId, ct);
        }
        catch (VendorCallException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    private async Task<IReadOnlyList<SubscriptionView>> EnsureSquareAsync(string callback, CancellationToken ct)
    {
        var listed = await pos!.WebhookSubscriptionsAsync(ct);
        var ours = listed
            .Where(s => string.Equals(s.NotificationUrl, callback, StringComparison.Ordinal) && SquareEvents.All(s.EventTypes.Contains))
            .OrderByDescending(s => s.Enabled)
            .FirstOrDefault();
        var action = SubscriptionPlan.ForSquare(ours?.Enabled);
        var subscription = action == SubscriptionAction.Keep
            ? ours!.SignatureKey is null ? await pos.WebhookSubscriptionAsync(ours.Id, ct) : ours
            : await pos.CreateWebhookSubscriptionAsync("SyncLab engine", callback, SquareEvents, ct);
        if (subscription.SignatureKey is { Length: > 0 } key)
        {
            _squareKeys[subscription.Id] = key;
        }
        return [new SubscriptionView(string.Join(",", SquareEvents), subscription.Id, Name(action), null)];
    }

    private async Task<IReadOnlyList<SubscriptionView>> EnsureShipStationAsync(string callback, CancellationToken ct)
    {
        var ours = (await warehouse!.WebhooksAsync(ct)).FirstOrDefault(w => w.Event == ShipStationEvent);
        var action = SubscriptionPlan.ForShipStation(ours?.Url, callback);
        var id = ours?.WebhookId;
        switch (action)
        {
            case SubscriptionAction.Create:
                id = (await warehouse.CreateWebhookAsync(ShipStationEvent, callback, ct)).WebhookId;
                break;
            case SubscriptionAction.Point:
                await warehouse.PointWebhookAsync(id!, callback, ct);
                break;
        }
        return [new SubscriptionView(ShipStationEvent, id!, Name(action), null)];
    }

    internal static string Name(SubscriptionAction action) => action switch
    {
        SubscriptionAction.Keep => "active",
        SubscriptionAction.Create => "created",
        SubscriptionAction.Renew => "renewed",
        SubscriptionAction.Recreate => "re-created",
        _ => "pointed",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscriptions at {Vendor} could not be checked (tried again in 5 minutes of business time): {Reason}")]
    private static partial void LogSubscriptionFailed(ILogger logger, string vendor, string reason);
}
