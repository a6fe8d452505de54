using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Capture;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Fulfilment;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Products;
using SyncLab.Engine.Scheduling;
using SyncLab.Engine.Shoppers;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Wires the engine; the host must also register a <see cref="TimeProvider"/> (the business clock, or the system's).</summary>
    public static IServiceCollection AddSyncEngine(this IServiceCollection services, EngineOptions options)
    {
        services.AddSingleton(options);
        // Pooled: the engine opens a context per work item, and a new one resolves dozens of EF services each time.
        // Each relational provider with its own migration set (Storage/EngineMigrations).
        services.AddPooledDbContextFactory<EngineDb>(db => db.UseEngineStore(options.Store));
        services.AddHttpClient<BusinessCentralClient>(c => c.Timeout = options.RequestTimeout)
            .AddHttpMessageHandler(sp => new Connectors.VendorCallMetering("erp", sp.GetRequiredService<Telemetry.EngineTelemetry>()));
        services.AddHttpClient<ShopifyAdminClient>(c => c.Timeout = options.RequestTimeout);
        // One bucket per shop, shared by every caller (the typed client above is made anew for each).
        services.AddEngineCache<ShopifyCostPacer>();
        // One request window per vendor, likewise (EngineOptions.Limits).
        services.AddEngineCache<Connectors.VendorPacers>();
        services.AddEngineCache<VariantLookahead>();
        services.AddEngineCache<StorefrontCatalog>();
        services.AddTransient<DryRun.DryRunPlanner>();
        services.AddSingleton<IChangeSource, ErpItemCapture>();
        services.AddSingleton<IChangeSource, StorefrontOrderCapture>();
        services.AddSingleton<IChangeSource, PriceListCapture>();
        services.AddSingleton<IProcess, PriceProcess>();
        services.AddSingleton<IProcess, EffectivePriceProcess>();
        services.AddSingleton<IProcess, InventoryProcess>();
        services.AddSingleton<IProcess, ProductProcess>();
        // The POS legs of products, price lists and stock (idle without a POS).
        services.AddSingleton<IProcess, PosCatalogProcess>();
        services.AddSingleton<IProcess, PosPriceListProcess>();
        services.AddSingleton<IProcess, PosWebStockProcess>();
        services.AddSingleton<IProcess, OrderToErpProcess>();
        services.AddSingleton<IProcess, PosSales.PosSaleToErpProcess>();
        if (options.PosBaseUrl is not null)
        {
            // The stores' sales reach the ERP only when there is a POS to read them from.
            services.AddSingleton<IChangeSource, PosSales.PosSaleCapture>();
        }
        services.AddSyncEngineBackFlow(options);
        services.AddSyncEngineInventory(options);
        services.AddSyncEngineScheduling(options);
        services.AddSyncEngineShoppers();
        Webhooks.WebhooksServiceCollectionExtensions.AddSyncEngineWebhooks(services);
        services.AddMetrics();
        services.AddSingleton<Telemetry.EngineTelemetry>();
        if (options.Distribution is { } distribution)
        {
            if (options.Store.Kind != EngineStoreKind.Postgres)
            {
                throw new ArgumentException("A distributed engine keeps its state in PostgreSQL, shared by every node: set Store to EngineStore.Postgres.", nameof(options));
            }
            services.AddSingleton(distribution);
            services.AddSingleton<Distribution.WorkBroker>();
            services.AddSingleton(new Distribution.Leadership(options.Store.ConnectionString, distribution.Estate));
        }
        services.AddSingleton<SyncEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncEngine>());
        return services;
    }

    /// <summary>One instance of <typeparamref name="T"/>, also known as an <see cref="IEngineCache"/> so an engine reset empties it.</summary>
    internal static IServiceCollection AddEngineCache<T>(this IServiceCollection services)
        where T : class, IEngineCache
    {
        services.AddSingleton<T>();
        services.AddSingleton<IEngineCache>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
