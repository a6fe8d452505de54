using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// The engine's poll keeps its webhook subscriptions alive: when <see cref="WebhookOptions.SubscriptionCheck"/> of business
/// time has passed, <see cref="WebhookSubscriber"/> renews and re-creates what needs it. A step of the poll rather than a
/// timer of its own, so only the node that leads does it, it runs on the business clock, and quiescence waits for it.
/// Captures nothing.
/// </summary>
public sealed class WebhookSubscriptionCheck(WebhookSubscriber subscriber) : IChangeSource
{
    public string Name => "webhooks.subscriptions";

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await subscriber.CheckIfDueAsync(ct);
        return 0;
    }
}
