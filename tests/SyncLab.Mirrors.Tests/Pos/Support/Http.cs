using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncLab.Mirrors.Tests.Support;

/// <summary>A reply read whole: status, raw body (for conformance checks) and parsed JSON.</summary>
public sealed record Reply(int Status, string Body, JsonNode? Json, HttpResponseMessage Message);

public static class Http
{
    public static async Task<Reply> GetJsonAsync(this HttpClient client, string path, CancellationToken cancellationToken = default)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON; property names are sent as written (snake_case in Square tests).</summary>
    public static Task<Reply> PostJsonAsync(this HttpClient client, string path, object body, CancellationToken cancellationToken = default) =>
        client.PostRawAsync(path, JsonSerializer.Serialize(body), cancellationToken);

    public static async Task<Reply> PostRawAsync(this HttpClient client, string path, string json, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<Reply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        if (body.Length > 0 && body.TrimStart()[0] is '{' or '[')
        {
            json = JsonNode.Parse(body);
        }
        return new Reply((int)response.StatusCode, body, json, response);
    }
}
