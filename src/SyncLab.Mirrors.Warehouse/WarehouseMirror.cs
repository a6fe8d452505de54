using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Mirrors.Warehouse;

/// <summary>The warehouse mirror: ShipStation API v2 over the estate's warehouses (see docs/mirrors/warehouse.md).</summary>
public static class WarehouseMirror
{
    public static MirrorDescriptor Descriptor { get; } = new("warehouse", "ShipStation", "ShipStation API", "v2");

    public static WebApplication Build(MirrorHostOptions options, BusinessClock clock, BusinessEstate estate, WarehouseMirrorSettings? settings = null, ILoggerProvider? logs = null)
    {
        var builder = MirrorHost.CreateBuilder(Descriptor, options, clock, logs);
        builder.AddWarehouseMirror(options, estate, settings ?? new WarehouseMirrorSettings());
        var app = builder.Build();
        app.UseMirrorKit();
        app.MapWarehouseMirror();
        app.SeedWarehouseMirror();
        return app;
    }
}
