using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Mirrors.Pos;

/// <summary>The point-of-sale mirror: Square's API over the estate's stores (see docs/mirrors/pos.md).</summary>
public static class PosMirror
{
    public static MirrorDescriptor Descriptor { get; } = new("pos", "Square", "Square API (Catalog, Inventory, Orders, Customers)", "2025-08-20");

    public static WebApplication Build(MirrorHostOptions options, BusinessClock clock, BusinessEstate estate, PosMirrorSettings? settings = null, ILoggerProvider? logs = null)
    {
        var builder = MirrorHost.CreateBuilder(Descriptor, options, clock, logs);
        builder.AddPosMirror(options, estate, settings ?? new PosMirrorSettings());
        var app = builder.Build();
        app.UseMirrorKit();
        app.MapPosMirror();
        app.SeedPosMirror();
        return app;
    }
}
