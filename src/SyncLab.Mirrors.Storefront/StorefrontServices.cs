using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncLab.Estate;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.RateLimits;
using SyncLab.Mirrors.Storefront.Admin;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Shop;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront;

/// <summary>The storefront mirror's wiring, in one place.</summary>
public static class StorefrontServices
{
    public static IHostApplicationBuilder AddStorefront(this IHostApplicationBuilder builder, MirrorHostOptions options, BusinessEstate estate, StorefrontMirrorSettings settings)
    {
        var services = builder.Services;
        services.AddDbContext<StorefrontDb>(db => options.Store.Apply(db, "storefront-" + options.Instance), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(settings);
        services.AddSingleton(estate);
        services.AddSingleton(sp => new LeakyBuckets(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AdminGraphQLEngine>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<ShopWriteGate>();
        services.AddScoped<ShopRequest>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddMirrorReset("shop", (sp, ct) => StorefrontAdmin.ResetShopAsync(
            sp.GetRequiredService<StorefrontDb>(), estate, sp.GetRequiredService<ShopWriteGate>(), sp.GetRequiredService<LeakyBuckets>(), ct));
        return builder;
    }

    public static WebApplication MapStorefront(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            StorefrontSeeder.EnsureSeeded(scope.ServiceProvider.GetRequiredService<StorefrontDb>(), app.Services.GetRequiredService<BusinessEstate>());
        }
        // Build the schema now rather than on the first request.
        _ = app.Services.GetRequiredService<AdminGraphQLEngine>().Schema;
        app.MapAdminGraphQL();
        app.MapShopPages();
        app.MapCartPages();
        app.MapCheckoutPages();
        app.MapStorefrontAdmin();
        return app;
    }
}
