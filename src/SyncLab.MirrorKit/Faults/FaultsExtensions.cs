using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Faults;

/// <summary>Fault injection's wiring: services once per mirror, then the gate in front of the vendor routes.</summary>
public static class FaultsExtensions
{
    /// <summary>
    /// Registers the fault book, the real-time provider and the vendor's error shape. Each is a TryAdd, so
    /// a mirror that registers its own <see cref="IVendorErrorShape"/> or <see cref="FaultSettings"/> keeps it.
    /// </summary>
    public static IServiceCollection AddMirrorFaults(this IServiceCollection services, MirrorDescriptor descriptor)
    {
        services.TryAddSingleton(new FaultSettings());
        services.TryAddSingleton(RealTime.System);
        services.TryAddSingleton(VendorErrorShapes.For(descriptor));
        services.TryAddSingleton(sp => new FaultBook(sp.GetRequiredService<FaultSettings>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Puts the fault gate in the pipeline; everything mapped after it can be faulted, admin routes excepted.</summary>
    public static WebApplication UseMirrorFaults(this WebApplication app)
    {
        var services = app.Services;
        var gate = new FaultGate(
            services.GetRequiredService<FaultBook>(),
            // The last registration wins, so a mirror's own shape replaces the fallback.
            services.GetRequiredService<IVendorErrorShape>(),
            services.GetRequiredService<MirrorLedger>(),
            services.GetRequiredService<RealTime>(),
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        app.Use(gate.InvokeAsync);
        return app;
    }
}
