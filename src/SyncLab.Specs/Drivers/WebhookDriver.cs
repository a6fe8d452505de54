namespace SyncLab.Specs.Drivers;

/// <summary>
/// The storefront's webhooks to the engine: subscribed through the engine's API (as the app does when installed), lost or
/// doubled by the storefront mirror's webhook chaos, and waited on through the mirror's delivery log — never for a time.
/// </summary>
public sealed class WebhookDriver(StagingConnection staging, EngineDriver engine)
{
    private HashSet<long> _before = [];

    /// <summary>The engine subscribes to the storefront's order, refund and customer topics at its own address.</summary>
    public async Task SubscribeTheEngineAsync()
    {
        _before = await DeliveredAsync("orders/create");
        await staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Engine, "engine/webhooks/shopify/subscriptions"), new { address = staging.Engine.ToString() });
    }

    /// <summary>Webhook chaos on the storefront: every delivery lost (recorded as delivered), or every delivery sent twice.</summary>
    public Task MisbehaveAsync(double dropRate, double duplicateRate) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Storefront, "_synclab/webhook-chaos"), new { dropRate, duplicateRate, seed = 7 });

    /// <summary>
    /// Waits until the storefront has sent the orders/create of the order placed since the subscription, then until the
    /// engine has done what it set off; the business clock stays where it is, so no poll falls due meanwhile.
    /// </summary>
    public async Task AwaitOrderWebhookAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await DeliveredAsync("orders/create")).Except(_before).Any())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, patience.Token);
        }
        await engine.AwaitQuiescenceAsync();
    }

    /// <summary>What the engine did with the webhooks it received lately: (topic, outcome), newest first.</summary>
    public async Task<IReadOnlyList<(string Topic, string Outcome)>> ReceiptsAsync()
    {
        var rows = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/webhooks"));
        return rows!.AsArray().Select(r => ((string)r!["topic"]!, (string)r["outcome"]!)).ToList();
    }

    private async Task<HashSet<long>> DeliveredAsync(string topic)
    {
        var rows = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Storefront, "_synclab/storefront/webhooks/deliveries?status=delivered"));
        return [.. rows!.AsArray().Where(d => (string?)d!["topic"] == topic && ((string?)d["callbackUrl"])?.StartsWith(staging.Engine.ToString(), StringComparison.Ordinal) == true).Select(d => (long)d!["id"]!)];
    }
}
