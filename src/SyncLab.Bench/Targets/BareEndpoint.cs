using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SyncLab.Bench.Targets;

/// <summary>
/// The floor every ratio is measured against: Kestrel with two minimal-API endpoints that do no work but
/// answer the same request with a body of the same size (the warehouse answer, SKU filled in) or a 204.
/// Whatever a mirror or WireMock.Net costs on top of this is their own.
/// </summary>
public sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<long> _served;

    private BareEndpoint(WebApplication app, Uri address, StrongBox<long> served)
    {
        _app = app;
        _served = served;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Requests answered, both endpoints together (lets a test check the load generator's count).</summary>
    public long Served => Interlocked.Read(ref _served.Value);

    /// <param name="status">Status for the n-th request (1-based); null answers every request with success.</param>
    public static async Task<BareEndpoint> StartAsync(StubbedInventory stubs, Func<long, int>? status = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var served = new StrongBox<long>();
        int StatusOf()
        {
            var n = Interlocked.Increment(ref served.Value);
            return status?.Invoke(n) ?? StatusCodes.Status200OK;
        }
        app.MapGet(StubbedInventory.Path, (HttpContext context, string sku) =>
        {
            var code = StatusOf();
            return code == StatusCodes.Status200OK
                ? Results.Text(stubs.AnswerFor(sku), "application/json")
                : Results.StatusCode(code);
        });
        app.MapPost(StubbedInventory.Path, async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            var code = StatusOf();
            return code == StatusCodes.Status200OK ? Results.NoContent() : Results.StatusCode(code);
        });
        await app.StartAsync(ct);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BareEndpoint(app, address, served);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
