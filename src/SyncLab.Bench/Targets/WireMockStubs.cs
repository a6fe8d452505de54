using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace SyncLab.Bench.Targets;

/// <summary>
/// WireMock.Net serving the warehouse's inventory read and write as stubs: per SKU one GET mapping matched on
/// path + <c>sku</c> query parameter answering the mirror's body for it, and one POST mapping matched on path +
/// the body's <c>sku</c> (partial JSON) answering 204. WireMock.Net's defaults otherwise (request log on),
/// because that is how a test suite would run it.
/// </summary>
public sealed class WireMockStubs : IDisposable
{
    private readonly WireMockServer _server;

    private WireMockStubs(WireMockServer server, IReadOnlyList<string> skus)
    {
        _server = server;
        Skus = skus;
    }

    public Uri Address => new(_server.Url!);

    /// <summary>The SKUs that have stubs; requests draw from these.</summary>
    public IReadOnlyList<string> Skus { get; }

    public int Mappings => _server.Mappings.Count;

    /// <summary>A server with <paramref name="mappings"/> mappings in all: half reads, half writes.</summary>
    public static WireMockStubs Start(StubbedInventory stubs, int mappings)
    {
        var skus = stubs.Skus.Take(Math.Max(1, mappings / 2)).ToList();
        if (skus.Count * 2 != mappings)
        {
            throw new ArgumentException($"{mappings} mappings need {mappings / 2} stubbed SKUs; {stubs.Skus.Count} were sampled.", nameof(mappings));
        }
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{FreePort()}"],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
        });
        foreach (var sku in skus)
        {
            server.Given(Request.Create().WithPath(StubbedInventory.Path).WithParam("sku", sku).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(stubs.AnswerFor(sku)));
            server.Given(Request.Create().WithPath(StubbedInventory.Path).UsingPost()
                    .WithBody(new JsonPartialMatcher($$"""{"sku":"{{sku}}"}""")))
                .RespondWith(Response.Create().WithStatusCode(204));
        }
        return new WireMockStubs(server, skus);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
