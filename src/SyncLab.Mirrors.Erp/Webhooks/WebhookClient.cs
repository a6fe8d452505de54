namespace SyncLab.Mirrors.Erp.Webhooks;

/// <summary>The mirror's outgoing HTTP: the subscription handshake and notification posts.</summary>
internal sealed class WebhookClient : IDisposable
{
    // Network timeouts are real time by nature: a subscriber that does not answer is gone, whatever the business clock says.
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The status the subscriber answered, or null if it did not answer at all.</summary>
    public async Task<int?> PostAsync(string url, HttpContent content)
    {
        try
        {
            using var response = await _http.PostAsync(new Uri(url), content);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return null;
        }
    }

    /// <summary>Business Central's handshake: POST to the URL with <c>?validationToken=</c>; it must answer 200 echoing the token.</summary>
    public async Task<bool> ValidateAsync(string notificationUrl, string token, CancellationToken cancellationToken)
    {
        try
        {
            var separator = notificationUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            using var response = await _http.PostAsync(new Uri($"{notificationUrl}{separator}validationToken={Uri.EscapeDataString(token)}"), null, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (int)response.StatusCode == 200 && body.Trim().Trim('"') == token;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
