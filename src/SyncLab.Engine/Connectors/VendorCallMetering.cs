using System.Net;
using SyncLab.Engine.Telemetry;

namespace SyncLab.Engine.Connectors;

/// <summary>Counts a vendor's answers by outcome (<c>synclab.engine.vendor.calls</c>): ok (2xx), throttled (429), failed (the rest, and no answer).</summary>
internal sealed class VendorCallMetering(string system, EngineTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            telemetry.VendorCall(system, "failed");
            throw;
        }
        telemetry.VendorCall(system, response.IsSuccessStatusCode ? "ok" : response.StatusCode == HttpStatusCode.TooManyRequests ? "throttled" : "failed");
        return response;
    }
}
