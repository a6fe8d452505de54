using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Batch;

/// <summary>
/// OData JSON batch (<c>POST /api/v2.0/$batch</c>, <c>{"requests":[{id, method, url, headers, body}]}</c>):
/// operations run in order through the same handlers as single calls, each answering in
/// <c>{"responses":[{id, status, headers, body}]}</c>. At most <see cref="ErpMirrorSettings.MaxBatchOperations"/>.
/// </summary>
internal static class BatchRequest
{
    public static async Task<VendorResponse> ExecuteAsync(string apiRoot, JsonElement? body, string origin, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (body is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
        {
            return VendorResponse.Error(VendorError.BadRequest("Invalid Request Body: a JSON batch needs a 'requests' array."));
        }
        var max = services.GetRequiredService<ErpMirrorSettings>().MaxBatchOperations;
        if (requests.GetArrayLength() > max)
        {
            return VendorResponse.Error(VendorError.BadRequest($"The batch request contains {requests.GetArrayLength()} operations; the maximum is {max}."));
        }

        var routes = services.GetRequiredService<VendorRoutes>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var results = new List<(string? Id, VendorResponse Response)>();
        foreach (var operation in requests.EnumerateArray())
        {
            var id = operation.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            await using var scope = scopes.CreateAsyncScope();
            results.Add((id, await RunAsync(operation, apiRoot, origin, routes, scope.ServiceProvider, cancellationToken)));
        }

        return VendorResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("responses");
            foreach (var (id, response) in results)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteNumber("status", response.Status);
                w.WriteStartObject("headers");
                if (response.Body is not null)
                {
                    w.WriteString("content-type", "application/json; odata.metadata=minimal");
                    w.WriteString("odata-version", "4.0");
                }
                foreach (var (name, value) in response.Headers)
                {
                    w.WriteString(name.ToLowerInvariant(), value);
                }
                w.WriteEndObject();
                if (response.Body is { } bytes)
                {
                    w.WritePropertyName("body");
                    w.WriteRawValue(bytes);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<VendorResponse> RunAsync(
        JsonElement operation, string apiRoot, string origin, VendorRoutes routes, IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var method = operation.TryGetProperty("method", out var m) ? m.GetString()?.ToUpperInvariant() : null;
            var url = operation.TryGetProperty("url", out var u) ? u.GetString() : null;
            if (method is null || string.IsNullOrWhiteSpace(url))
            {
                throw VendorError.BadRequest("Each batch operation needs a method and a url.");
            }
            var (path, query) = Relative(url, apiRoot, origin);
            if (path.Split('/')[0] == "$batch")
            {
                throw VendorError.BadRequest("A batch cannot contain another batch.");
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (operation.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in h.EnumerateObject())
                {
                    headers[header.Name] = header.Value.ToString();
                }
            }
            JsonElement? body = operation.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null ? b.Clone() : null;
            var request = new VendorRequest(method, apiRoot, VendorEndpoint.ParseSegments(path), query, headers, body, origin, services);
            return await routes.DispatchAsync(request, cancellationToken);
        }
        catch (VendorError error)
        {
            return VendorResponse.Error(error);
        }
    }

    /// <summary>An operation's url may be relative to the API root ("companies(..)/items") or absolute.</summary>
    private static (string Path, Dictionary<string, string> Query) Relative(string url, string apiRoot, string origin)
    {
        var rootPrefix = $"/api/{apiRoot}/";
        var uri = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(new Uri(origin + rootPrefix), url.TrimStart('/').StartsWith($"api/{apiRoot}/", StringComparison.Ordinal) ? "/" + url.TrimStart('/') : url);
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (!path.StartsWith(rootPrefix, StringComparison.Ordinal))
        {
            throw VendorError.BadRequest($"The batch operation url '{url}' is not under /api/{apiRoot}/.");
        }
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return (path[rootPrefix.Length..], query);
    }
}
