using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Mirrors.Erp.Batch;
using SyncLab.Mirrors.Erp.OData;

namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>
/// The HTTP edge of the vendor API (<c>/api/...</c>): bearer authentication, the rate limit, then the
/// OData dispatcher. Every answer, errors included, is in Business Central's shape.
/// </summary>
internal static class VendorEndpoint
{
    public static void MapVendorApi(this IEndpointRouteBuilder app) => app.Map("/api/{**path}", HandleAsync);

    private static async Task HandleAsync(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<ErpMirrorSettings>();
        var token = BearerToken(http.Request);
        if (token is null || (settings.AccessToken is { } expected && token != expected))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"";
            await WriteAsync(http, VendorResponse.Error(VendorError.Unauthorized()));
            return;
        }
        if (http.RequestServices.GetService<RequestRateLimiter>() is { } limiter && limiter.TryAcquire(token) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var limit = settings.RateLimit!;
            var error = new VendorError(429, "Application_TooManyRequests",
                $"Too many requests reached. Actual ({limit.Requests + 1}). Maximum ({limit.Requests}).");
            await WriteAsync(http, VendorResponse.Error(error, new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }));
            return;
        }

        var response = await AnswerAsync(http);
        await WriteAsync(http, response);
    }

    private static async Task<VendorResponse> AnswerAsync(HttpContext http)
    {
        var routes = http.RequestServices.GetRequiredService<VendorRoutes>();
        var path = (string?)http.GetRouteValue("path") ?? string.Empty;
        if (!TrySplitRoot(path, routes, out var apiRoot, out var rest))
        {
            return VendorResponse.Error(VendorError.NoResource(path.Split('/')[0]));
        }

        JsonElement? body;
        try
        {
            body = await ReadBodyAsync(http.Request);
        }
        catch (JsonException)
        {
            return VendorResponse.Error(VendorError.BadRequest("Invalid Request Body"));
        }

        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (rest == "$batch")
        {
            return http.Request.Method == HttpMethods.Post
                ? await BatchRequest.ExecuteAsync(apiRoot, body, origin, http.RequestServices, http.RequestAborted)
                : VendorResponse.Error(VendorError.MethodNotAllowed(http.Request.Method, "$batch"));
        }
        if (rest == "$metadata")
        {
            return http.Request.Method == HttpMethods.Get
                ? ServiceMetadata.Answer(routes, apiRoot)
                : VendorResponse.Error(VendorError.MethodNotAllowed(http.Request.Method, "$metadata"));
        }
        try
        {
            var request = new VendorRequest(http.Request.Method, apiRoot, ParseSegments(rest), query, headers, body, origin, http.RequestServices);
            return await routes.DispatchAsync(request, http.RequestAborted);
        }
        catch (VendorError error)
        {
            return VendorResponse.Error(error);
        }
    }

    /// <summary>"v2.0/companies" or "synclab/commerce/v1.0/companies" → the API root and the resource path.</summary>
    internal static bool TrySplitRoot(string path, VendorRoutes routes, out string apiRoot, out string rest)
    {
        foreach (var depth in new[] { 1, 3 })
        {
            var parts = path.Split('/', depth + 1);
            if (parts.Length >= depth)
            {
                var root = string.Join('/', parts.Take(depth));
                if (routes.KnowsRoot(root))
                {
                    apiRoot = root;
                    rest = parts.Length > depth ? parts[depth] : string.Empty;
                    return true;
                }
            }
        }
        apiRoot = rest = string.Empty;
        return false;
    }

    internal static List<Segment> ParseSegments(string rest)
    {
        var segments = new List<Segment>();
        foreach (var part in rest.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var open = part.IndexOf('(', StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new Segment(part, null));
                continue;
            }
            if (!part.EndsWith(')'))
            {
                throw VendorError.Syntax($"Bad Request - Error in query syntax. ')' expected in '{part}'.");
            }
            segments.Add(new Segment(part[..open], part[(open + 1)..^1]));
        }
        return segments;
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsPut(request.Method)))
        {
            return null;
        }
        using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        return doc.RootElement.Clone();
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header[scheme.Length..].Trim() is { Length: > 0 } token ? token : null;
    }

    internal static async Task WriteAsync(HttpContext http, VendorResponse response)
    {
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }
        http.Response.Headers["OData-Version"] = "4.0";
        if (response.Body is { } body)
        {
            // $metadata says its own type (CSDL is XML); every other answer is OData JSON.
            if (!response.Headers.ContainsKey("Content-Type"))
            {
                http.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";
            }
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
