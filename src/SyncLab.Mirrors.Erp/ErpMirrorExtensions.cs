using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncLab.Estate;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Erp.Companies;
using SyncLab.Mirrors.Erp.CreditMemos;
using SyncLab.Mirrors.Erp.Customers;
using SyncLab.Mirrors.Erp.Invoices;
using SyncLab.Mirrors.Erp.ItemLedger;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Locations;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Office;
using SyncLab.Mirrors.Erp.Pricing;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Sales;
using SyncLab.Mirrors.Erp.Shipments;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;
using SyncLab.Mirrors.Erp.WebItems;

namespace SyncLab.Mirrors.Erp;

/// <summary>The ERP mirror's wiring, in one place: services, then endpoints.</summary>
public static class ErpMirrorExtensions
{
    public static IHostApplicationBuilder AddErpMirror(this IHostApplicationBuilder builder, MirrorHostOptions options, BusinessEstate estate, ErpMirrorSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PageSize, 1);
        var services = builder.Services;
        services.AddDbContext<ErpDb>(o => options.Store.Apply(o, "erp-" + options.Instance), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(settings);
        services.AddSingleton(estate);
        services.AddSingleton(ErpCompany.From(estate, settings));
        services.AddSingleton<ErpWriteGate>();
        services.AddSingleton<PostingPeriod>();
        services.AddSingleton<WebhookClient>();
        services.AddSingleton<ChangeNotifier>();
        services.AddSingleton<DeltaTracker>();
        services.AddScoped<ItemWriter>();
        services.AddScoped<CustomerWriter>();
        if (settings.RateLimit is { } limit)
        {
            services.AddSingleton(sp => new RequestRateLimiter(limit, sp.GetRequiredService<TimeProvider>()));
        }
        services.AddSingleton(BuildRoutes());
        services.AddMirrorReset("company", ErpReset.RunAsync);
        return builder;
    }

    /// <summary>Seeds the company database, then maps the vendor API and the office's actions.</summary>
    public static WebApplication MapErpMirror(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ErpDb>();
            ErpSeeder.Seed(db, app.Services.GetRequiredService<BusinessEstate>(), app.Services.GetRequiredService<ErpCompany>());
            app.Services.GetRequiredService<ChangeNotifier>().SubscriptionsChanged(db.Subscriptions.Count());
        }
        app.MapVendorApi();
        app.MapOfficeApi();
        return app;
    }

    private static VendorRoutes BuildRoutes()
    {
        var routes = new VendorRoutes();
        GetCompanies.Map(routes);
        ReadItems.Map(routes);
        PatchItem.Map(routes);
        WebItemsPage.Map(routes);
        LocationsPage.Map(routes);
        CustomersPage.Map(routes);
        WebCustomersPage.Map(routes);
        ItemLedgerEntriesPage.Map(routes);
        SubscriptionsApi.Map(routes);
        PriceListsPage.Map(routes);
        SalesOrdersApi.Map(routes);
        SalesShipmentsPage.Map(routes);
        SalesInvoicesPage.Map(routes);
        SalesCreditMemosPage.Map(routes);
        return routes;
    }
}
