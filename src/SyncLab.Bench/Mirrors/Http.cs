using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SyncLab.Bench.Mirrors;

/// <summary>Small helpers the cases share: JSON bodies, and reading set-up answers (which must succeed).</summary>
internal static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static HttpRequestMessage Bearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static HttpRequestMessage Header(this HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} during set-up: {body}");
            }
            return JsonNode.Parse(body) ?? throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered an empty body during set-up.");
        }
    }

    /// <summary>A seeded sample of <paramref name="count"/> distinct elements (all of them when there are fewer).</summary>
    public static List<T> Sample<T>(IReadOnlyList<T> source, int count, int seed)
    {
        var copy = source.ToArray();
        new Random(seed).Shuffle(copy);
        return [.. copy.Take(count)];
    }
}
