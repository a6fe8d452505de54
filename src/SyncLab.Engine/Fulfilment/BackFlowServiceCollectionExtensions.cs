using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Returns;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Fulfilment;

public static class BackFlowServiceCollectionExtensions
{
    /// <summary>
    /// The order back-flow: refunds → ERP credit memos always; with a warehouse configured, orders → ShipStation
    /// shipments and shipped shipments → storefront fulfillments and ERP invoices; a recall (a blocked ERP item) stops
    /// pending shipments.
    /// </summary>
    public static IServiceCollection AddSyncEngineBackFlow(this IServiceCollection services, EngineOptions options)
    {
        services.AddSingleton<ShopifyFulfilmentClient>();
        services.AddSingleton<IChangeSource, StorefrontRefundCapture>();
        services.AddSingleton<IProcess, RefundToErpProcess>();
        if (options.WarehouseBaseUrl is null)
        {
            services.AddSingleton<IProcess>(sp => new RecallProcess(null, sp.GetRequiredService<IDbContextFactory<EngineDb>>()));
            return services;
        }
        services.AddSingleton<IProcess, RecallProcess>();
        services.AddHttpClient<ShipStationClient>(c => c.Timeout = options.RequestTimeout)
            .AddHttpMessageHandler(sp => new Connectors.VendorCallMetering("warehouse", sp.GetRequiredService<Telemetry.EngineTelemetry>()));
        services.AddSingleton<IChangeSource, WmsShipmentCapture>();
        services.AddSingleton<IProcess, OrderToWmsProcess>();
        services.AddSingleton<IProcess, ShipmentToStoreProcess>();
        services.AddSingleton<IProcess, Returns.WmsReturnReceiptProcess>();
        return services;
    }
}
