namespace SyncLab.Engine.Webhooks;

/// <summary>
/// Webhooks from the ERP (Business Central), the POS (Square) and the warehouse (ShipStation): where the vendors call
/// the engine, the secrets that tell their deliveries from forgeries, and how subscriptions are kept alive.
/// </summary>
public sealed record WebhookOptions
{
    /// <summary>
    /// The engine's public address (what the vendors can reach, e.g. <c>https://engine.example.com/</c>). Set: the engine
    /// subscribes to every vendor it is configured for when it starts and keeps the subscriptions alive; null: it
    /// subscribes only when asked (<c>PUT /engine/webhooks/{vendor}/subscriptions</c>).
    /// </summary>
    public Uri? CallbackBaseUrl { get; init; }

    /// <summary>
    /// Without <see cref="CallbackBaseUrl"/>: subscribe at start with the address the engine listens on (a staging, where
    /// the vendors are mirrors on the same machine; <c>0.0.0.0</c> becomes <c>127.0.0.1</c>).
    /// </summary>
    public bool SubscribeListeningAddress { get; init; }

    /// <summary>The <c>clientState</c> the engine gives Business Central subscriptions; a notification without it is refused (401).</summary>
    public string BusinessCentralClientState { get; init; } = "synclab-bc-client-state";

    /// <summary>
    /// The signature key of a Square subscription made elsewhere (the Developer Dashboard). Subscriptions the engine makes
    /// itself bring their own key, learned when it makes or finds them.
    /// </summary>
    public string? SquareSignatureKey { get; init; }

    /// <summary>The JSON Web Key Set ShipStation signs webhooks with; null: <c>{WarehouseBaseUrl}jwks</c>.</summary>
    public Uri? ShipStationJwksUrl { get; init; }

    /// <summary>How far a signed ShipStation timestamp may be from the engine's now: an older delivery is a replay (401).</summary>
    public TimeSpan SignatureTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often (business time) the engine looks at its subscriptions: renews, re-creates what expired or was removed.</summary>
    public TimeSpan SubscriptionCheck { get; init; } = TimeSpan.FromHours(6);

    /// <summary>A Business Central subscription expiring within this is renewed (it lives 3 days).</summary>
    public TimeSpan RenewBefore { get; init; } = TimeSpan.FromDays(1);
}
