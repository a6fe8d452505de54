using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Shoppers;

public static class ShopperServiceCollectionExtensions
{
    /// <summary>
    /// Shopper data: storefront customers ↔ ERP customer cards, erasure requests from Shopify's compliance webhook,
    /// and the yearly purge on the business clock.
    /// </summary>
    public static IServiceCollection AddSyncEngineShoppers(this IServiceCollection services)
    {
        services.AddSingleton<ShopperLocks>();
        services.AddSingleton<ShopifyCustomerClient>();
        services.AddSingleton<IChangeSource, StorefrontCustomerCapture>();
        services.AddSingleton<IChangeSource, ErpCustomerCapture>();
        services.AddSingleton<IChangeSource, PurgeSchedule>();
        services.AddSingleton<IProcess, ShopperToErpProcess>();
        services.AddSingleton<IProcess, ShopperFromErpProcess>();
        services.AddSingleton<IProcess, ShopperErasureProcess>();
        services.AddSingleton<IProcess, AnnualPurgeProcess>();
        services.AddSingleton<IProcess, ShopperRetentionProcess>();
        services.AddSingleton<IProcess, ShopperScrubProcess>();
        services.AddSingleton<IProcess, ShopperDataRequestProcess>();
        services.AddSingleton<IProcess, DataRequestExpiryProcess>();
        return services;
    }
}
