using System.Net;

namespace SyncLab.Engine.Connectors;

/// <summary>
/// A call to a vendor that failed. <see cref="Transient"/> failures (5xx, 429, throttling, timeouts) are
/// retried with backoff; the rest are data errors on the record.
/// </summary>
public sealed class VendorCallException(string system, string message, bool transient, TimeSpan? retryAfter = null, HttpStatusCode? status = null)
    : Exception($"{system}: {message}")
{
    public string System { get; } = system;

    public bool Transient { get; } = transient;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public HttpStatusCode? Status { get; } = status;

    public static async Task<VendorCallException> FromResponseAsync(string system, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        var transient = status == 429 || status == 408 || status >= 500;
        var retryAfter = response.Headers.RetryAfter?.Delta;
        var excerpt = body.Length > 300 ? body[..300] : body;
        return new VendorCallException(system, $"HTTP {status} {response.ReasonPhrase}: {excerpt}", transient, retryAfter, response.StatusCode);
    }
}
