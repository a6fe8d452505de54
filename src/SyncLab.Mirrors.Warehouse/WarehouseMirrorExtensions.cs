using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncLab.Estate;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Warehouse.Inventory;
using SyncLab.Mirrors.Warehouse.Labels;
using SyncLab.Mirrors.Warehouse.Operations;
using SyncLab.Mirrors.Warehouse.Products;
using SyncLab.Mirrors.Warehouse.Shipments;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;
using SyncLab.Mirrors.Warehouse.Warehouses;
using SyncLab.Mirrors.Warehouse.Webhooks;

namespace SyncLab.Mirrors.Warehouse;

/// <summary>The warehouse mirror's wiring, in one place.</summary>
public static class WarehouseMirrorExtensions
{
    public static IHostApplicationBuilder AddWarehouseMirror(this IHostApplicationBuilder builder, MirrorHostOptions options, BusinessEstate estate, WarehouseMirrorSettings settings)
    {
        builder.Services.AddDbContext<WarehouseDb>(db => options.Store.Apply(db, "warehouse-" + options.Instance), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => new WarehouseRuntime(settings, estate, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookSigner>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = settings.Webhooks.AttemptTimeout);
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddShipStationOpenApi();
        builder.Services.AddMirrorReset("warehouse", (sp, ct) => ResetState.ResetAsync(sp.GetRequiredService<WarehouseDb>(), sp.GetRequiredService<WarehouseRuntime>(), ct));
        return builder;
    }

    public static WebApplication MapWarehouseMirror(this WebApplication app)
    {
        var v2 = app.MapShipStationApi();
        ListWarehouses.Map(v2);
        InventoryPlaces.Map(v2);
        ListInventoryLevels.Map(v2);
        UpdateStockLevels.Map(v2);
        CreateInventoryLocation.Map(v2);
        ListProducts.Map(v2);
        CreateShipments.Map(v2);
        ListShipments.Map(v2);
        CancelShipment.Map(v2);
        CreateLabelFromShipment.Map(v2);
        ListLabels.Map(v2);
        ShipStationWebhooks.Map(v2);
        WebhookSigner.Map(app);
        app.MapShipStationOpenApi();

        var warehouse = app.MapAdminGroup("warehouse");
        RecordReceipt.Map(warehouse);
        RecordStockCount.Map(warehouse);
        RecordTrackingEvent.Map(warehouse);
        SplitShipment.Map(warehouse);
        ShipParcel.Map(warehouse);
        ResetState.Map(warehouse);
        return app;
    }

    /// <summary>Loads the estate's warehouse view into an empty store, before the host starts taking calls.</summary>
    public static WebApplication SeedWarehouseMirror(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WarehouseRuntime>();
        var db = scope.ServiceProvider.GetRequiredService<WarehouseDb>();
        WarehouseSeed.From(runtime.Estate, runtime.Settings.DefaultLocationName).ApplyAsync(db).GetAwaiter().GetResult();
        return app;
    }
}
