using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

internal static class HttpExtensions
{
    /// <summary>Sends and insists on success, putting the body in the failure so a scenario says what the system answered.</summary>
    public static async Task<JsonNode?> SendOkAsync(this HttpClient http, HttpMethod method, Uri uri, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {uri.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        }
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
