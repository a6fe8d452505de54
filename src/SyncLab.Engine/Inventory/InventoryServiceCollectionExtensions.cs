using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Inventory;

public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// Available-to-sell from the warehouse and the stores: the settings the office may change at run time, the
    /// warehouse levels capture (with a warehouse configured), the Square connector and its counts capture (with a
    /// POS configured), and the process that plans and sets the storefront's number. Idle while the source is ERP.
    /// </summary>
    public static IServiceCollection AddSyncEngineInventory(this IServiceCollection services, EngineOptions options)
    {
        services.AddEngineCache<InventorySettings>();
        services.AddEngineCache<InventoryLookups>();
        services.AddSingleton<StorefrontStock>();
        services.AddSingleton<AtsProcess>();
        services.AddSingleton<IProcess>(sp => sp.GetRequiredService<AtsProcess>());
        services.AddSingleton<Reconciliation.StockReconciliation>();
        if (options.WarehouseBaseUrl is not null)
        {
            services.AddEngineCache<WmsLevelCapture>();
            services.AddSingleton<IChangeSource>(sp => sp.GetRequiredService<WmsLevelCapture>());
        }
        if (options.PosBaseUrl is not null)
        {
            // One client for the engine: it keeps the catalog it read (SKU ↔ variation id).
            services.AddHttpClient(nameof(SquareClient), c => c.Timeout = options.RequestTimeout)
                .AddHttpMessageHandler(sp => new Connectors.VendorCallMetering("pos", sp.GetRequiredService<Telemetry.EngineTelemetry>()));
            services.AddSingleton(sp => new SquareClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SquareClient)), options, sp.GetService<VendorPacers>()));
            services.AddSingleton<IEngineCache>(sp => sp.GetRequiredService<SquareClient>());
            services.AddEngineCache<PosCountCapture>();
            services.AddSingleton<IChangeSource>(sp => sp.GetRequiredService<PosCountCapture>());
        }
        return services;
    }
}
