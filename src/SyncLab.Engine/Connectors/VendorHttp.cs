namespace SyncLab.Engine.Connectors;

internal static class VendorHttp
{
    /// <summary>
    /// <see cref="SendOkAsync(HttpClient, string, HttpRequestMessage, CancellationToken)"/> once the vendor's request
    /// window has a place (<see cref="RequestPacer"/>; null or without a limit: at once). The place is held until the answer.
    /// </summary>
    public static async Task<HttpResponseMessage> SendOkAsync(this HttpClient http, string system, HttpRequestMessage request, RequestPacer? pacer, CancellationToken ct)
    {
        if (pacer?.Limit is null)
        {
            return await http.SendOkAsync(system, request, ct);
        }
        using var place = await pacer.AcquireAsync(ct);
        return await http.SendOkAsync(system, request, ct);
    }

    /// <summary>
    /// Sends and insists on a 2xx. Network failures and timeouts become transient <see cref="VendorCallException"/>s
    /// (retried); other answers are classified by status. The caller disposes the response.
    /// </summary>
    public static async Task<HttpResponseMessage> SendOkAsync(this HttpClient http, string system, HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new VendorCallException(system, e.Message, transient: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new VendorCallException(system, "request timed out", transient: true);
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await VendorCallException.FromResponseAsync(system, response, ct);
            }
        }
        return response;
    }
}
