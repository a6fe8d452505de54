using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SyncLab.Engine.Telemetry;

namespace SyncLab.Staging;

/// <summary>
/// OpenTelemetry for the engine's host: the engine's traces and metrics and its outgoing HTTP calls, exported
/// over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads that and the other standard
/// <c>OTEL_*</c> variables itself). Without it nothing is registered, so a default staging is unchanged.
/// </summary>
public static class EngineObservability
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddEngineObservability(this IServiceCollection services, string? otlpEndpoint)
    {
        if (string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(EngineTelemetry.Name))
            .WithTracing(t => t.AddSource(EngineTelemetry.Name).AddHttpClientInstrumentation().AddOtlpExporter())
            .WithMetrics(m => m.AddMeter(EngineTelemetry.Name).AddHttpClientInstrumentation().AddOtlpExporter());
        return services;
    }
}
