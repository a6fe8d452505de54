using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Storefront.GraphApi;

namespace SyncLab.Mirrors.Storefront;

/// <summary>The storefront mirror: Shopify's Admin GraphQL API (2025-01 subset), its webhooks, and shopper pages.</summary>
public static class StorefrontMirror
{
    public static MirrorDescriptor Descriptor { get; } = new("storefront", "Shopify", "Admin GraphQL API", "2025-01");

    /// <summary>A ready-to-start host, seeded from <paramref name="estate"/> (a durable store that already holds a shop keeps it).</summary>
    public static WebApplication Build(
        MirrorHostOptions options,
        BusinessClock clock,
        BusinessEstate estate,
        StorefrontMirrorSettings? settings = null,
        ILoggerProvider? logs = null)
    {
        var builder = MirrorHost.CreateBuilder(Descriptor, options, clock, logs);
        builder.AddStorefront(options, estate, settings ?? new StorefrontMirrorSettings());
        var app = builder.Build();
        app.UseMirrorKit();
        app.MapStorefront();
        app.MapSchemaDescription();
        return app;
    }
}
