using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Telemetry;

/// <summary>The engine host exports over OTLP only when told where to: nothing is registered by default.</summary>
public sealed class EngineObservabilityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void without_an_otlp_endpoint_no_telemetry_provider_is_registered(string? endpoint)
    {
        using var services = new ServiceCollection().AddEngineObservability(endpoint).BuildServiceProvider();
        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Fact]
    public void with_an_otlp_endpoint_tracing_and_metrics_are_registered()
    {
        var services = new ServiceCollection().AddEngineObservability("http://127.0.0.1:4317");
        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, d => d.ServiceType == typeof(MeterProvider));
    }
}
