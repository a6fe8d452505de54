using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Faults;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Hosting;

/// <summary>The plumbing every mirror shares: Kestrel on loopback, the business clock, the ledger, problem details, health and the admin API.</summary>
public static class MirrorHost
{
    /// <summary>
    /// Host arguments that stop the host watching its content root for appsettings changes: a staging's hosts read
    /// no settings files, and the recursive watch reacted to every file written under the working directory.
    /// </summary>
    public static string[] NoConfigReload { get; } = ["--hostBuilder:reloadConfigOnChange=false"];

    public static WebApplicationBuilder CreateBuilder(MirrorDescriptor descriptor, MirrorHostOptions options, BusinessClock clock, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = $"SyncLab.Mirrors.{descriptor.System}", Args = NoConfigReload });
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.Services.AddSingleton(descriptor);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(sp => new MirrorLedger(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddProblemDetails();
        builder.Services.AddMirrorFaults(descriptor);
        builder.Services.AddSingleton(sp => new WebhookChaos(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MirrorLedger>()));
        return builder;
    }

    /// <summary>
    /// Maps health, info, clock, ledger, faults and webhook chaos, and records every call in the ledger.
    /// The fault gate sits inside the ledger's middleware, so a faulted call is ledgered as the fault, then as the call.
    /// </summary>
    public static WebApplication UseMirrorKit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!context.Request.Path.StartsWithSegments("/_synclab", StringComparison.Ordinal))
            {
                context.RequestServices.GetRequiredService<MirrorLedger>()
                    .RecordCall(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Response.StatusCode);
            }
        });
        app.UseMirrorFaults();
        app.MapAdminApi();
        app.MapFaultsApi();
        app.MapWebhookChaosApi();
        return app;
    }

    /// <summary>The address Kestrel really bound (port 0 resolved), after the app started.</summary>
    public static Uri BoundAddress(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
