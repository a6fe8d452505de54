using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The webhook log, the subscriber that keeps the ERP's, the POS's and the warehouse's subscriptions alive (a step of
    /// the poll, registered after the change sources so a poll captures first), and ShipStation's signing keys.
    /// </summary>
    public static IServiceCollection AddSyncEngineWebhooks(this IServiceCollection services)
    {
        services.AddEngineCache<WebhookLog>();
        services.AddEngineCache<WebhookSubscriber>();
        services.AddEngineCache<ShipStationSignatures>();
        services.AddSingleton<IChangeSource, WebhookSubscriptionCheck>();
        return services;
    }
}
