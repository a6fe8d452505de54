using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncLab.Estate;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Pos.Catalog;
using SyncLab.Mirrors.Pos.Customers;
using SyncLab.Mirrors.Pos.Inventory;
using SyncLab.Mirrors.Pos.Locations;
using SyncLab.Mirrors.Pos.Orders;
using SyncLab.Mirrors.Pos.Sales;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Pos.Webhooks;

namespace SyncLab.Mirrors.Pos;

/// <summary>The POS mirror's wiring, in one place.</summary>
public static class PosMirrorExtensions
{
    public static IHostApplicationBuilder AddPosMirror(this IHostApplicationBuilder builder, MirrorHostOptions options, BusinessEstate estate, PosMirrorSettings settings)
    {
        builder.Services.AddDbContext<PosDb>(db => options.Store.Apply(db, "pos-" + options.Instance), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(estate);
        builder.Services.AddSingleton(sp => new PosRuntime(settings, estate, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = settings.Webhooks.AttemptTimeout);
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddSquareOpenApi();
        builder.Services.AddMirrorReset("store", (sp, ct) => ResetState.ResetAsync(sp.GetRequiredService<PosDb>(), sp.GetRequiredService<PosRuntime>(), ct));
        return builder;
    }

    public static WebApplication MapPosMirror(this WebApplication app)
    {
        var v2 = app.MapSquareApi();
        ListLocations.Map(v2);
        ListCatalog.Map(v2);
        SearchCatalogObjects.Map(v2);
        SearchCatalogItems.Map(v2);
        UpsertCatalogObject.Map(v2);
        BatchRetrieveCounts.Map(v2);
        BatchChangeInventory.Map(v2);
        CreateOrder.Map(v2);
        RetrieveOrder.Map(v2);
        CreatePayment.Map(v2);
        WebhookSubscriptions.Map(v2);
        ListCustomers.Map(v2);
        app.MapSquareOpenApi();

        var pos = app.MapAdminGroup("pos");
        RecordSale.Map(pos);
        ResetState.Map(pos);
        return app;
    }

    /// <summary>Loads the estate's POS view into an empty store, before the host starts taking calls.</summary>
    public static WebApplication SeedPosMirror(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PosDb>();
        var estate = scope.ServiceProvider.GetRequiredService<BusinessEstate>();
        PosSeed.From(estate).ApplyAsync(db).GetAwaiter().GetResult();
        return app;
    }
}
