using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SyncLab.Engine.Api;

/// <summary>The engine as a web app: its pump, its API at <c>/engine</c> and <c>/health</c>. A staging and <c>synclab engine</c> both start it this way.</summary>
public static class EngineWebHost
{
    /// <summary>
    /// A builder with the engine registered on <paramref name="clock"/> (the business clock of a staging, the system's
    /// against live systems), listening on <paramref name="url"/>; the caller may add services before building.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(EngineOptions options, TimeProvider clock, string url, ILoggerProvider? logs)
    {
        // No settings files watched: the engine is configured by EngineOptions alone.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "SyncLab.Engine", Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.Services.AddSingleton(clock);
        builder.Services.AddProblemDetails();
        builder.Services.AddSyncEngine(options);
        return builder;
    }

    /// <summary>Maps <c>/health</c> and the engine's API.</summary>
    public static WebApplication MapEngine(this WebApplication app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "healthy" }));
        app.MapEngineApi();
        return app;
    }
}
