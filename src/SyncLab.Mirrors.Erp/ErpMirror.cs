using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Mirrors.Erp;

/// <summary>
/// The ERP mirror: Microsoft Dynamics 365 Business Central's API v2.0 (OData v4) over the estate's
/// company data, plus the office's business actions under <c>/_synclab/erp</c>. See docs/mirrors/erp.md.
/// </summary>
public static class ErpMirror
{
    public static MirrorDescriptor Descriptor { get; } = new("erp", "Microsoft", "Dynamics 365 Business Central API", "v2.0");

    /// <summary>A ready-to-start host, its company database already seeded from <paramref name="estate"/>.</summary>
    public static WebApplication Build(
        MirrorHostOptions options, BusinessClock clock, BusinessEstate estate, ErpMirrorSettings? settings = null, ILoggerProvider? logs = null)
    {
        var builder = MirrorHost.CreateBuilder(Descriptor, options, clock, logs);
        builder.AddErpMirror(options, estate, settings ?? new ErpMirrorSettings());
        var app = builder.Build();
        app.UseMirrorKit();
        app.MapErpMirror();
        return app;
    }
}
