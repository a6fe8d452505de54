using Microsoft.AspNetCore.Builder;
using SyncLab.MirrorKit.Faults;
using SyncLab.MirrorKit.Ledger;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace SyncLab.Staging.Foreign;

/// <summary>
/// One foreign service on its own port: a WireMock.Net server holding the service's stubs, with the same
/// fault gate and ledger as a mirror placed in front of WireMock's own middleware, so faults on foreign
/// services behave exactly like faults on mirrors (seeded, real-time latency, business-clock maintenance).
/// </summary>
public sealed class ForeignService : IDisposable
{
    private readonly CancellationTokenSource _stopping;

    private ForeignService(string name, string description, WireMockServer server, FaultBook faults, MirrorLedger ledger, Uri address, CancellationTokenSource stopping)
    {
        _stopping = stopping;
        Name = name;
        Description = description;
        Server = server;
        Faults = faults;
        Ledger = ledger;
        Address = address;
    }

    public string Name { get; }

    public string Description { get; }

    public WireMockServer Server { get; }

    public FaultBook Faults { get; }

    public MirrorLedger Ledger { get; }

    public Uri Address { get; }

    /// <param name="url">Where to listen, e.g. http://127.0.0.1:0 (port 0: a free one).</param>
    /// <param name="bindHost">The host to show in the address (the bind address, as the mirrors show theirs).</param>
    public static ForeignService Start(string name, string description, string url, string bindHost, TimeProvider clock, int faultSeed)
    {
        var ledger = new MirrorLedger(clock);
        var faults = new FaultBook(new FaultSettings(faultSeed), clock);
        var stopping = new CancellationTokenSource();
        var gate = new FaultGate(faults, DefaultErrorShape.Instance, ledger, RealTime.System, stopping.Token);
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [url],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
            // WireMock keeps every request by default; the ledger is the record here.
            MaxRequestLogCount = 100,
            PreWireMockMiddlewareInit = pipeline =>
            {
                var app = (IApplicationBuilder)pipeline;
                app.Use(async (http, next) =>
                {
                    await next(http);
                    ledger.RecordCall(http.Request.Method, http.Request.Path + http.Request.QueryString, http.Response.StatusCode);
                });
                app.Use(gate.InvokeAsync);
            },
        });
        var address = new Uri($"http://{bindHost}:{server.Ports[0]}");
        return new ForeignService(name, description, server, faults, ledger, address, stopping);
    }

    public void Dispose()
    {
        // Ends hung calls first, so stopping the server does not wait for clients that never give up.
        _stopping.Cancel();
        Server.Stop();
        Server.Dispose();
        _stopping.Dispose();
    }
}
