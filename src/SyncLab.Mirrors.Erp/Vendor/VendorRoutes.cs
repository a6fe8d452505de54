using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Vendor;

internal delegate Task<VendorResponse> VendorHandler(VendorRequest request, CancellationToken cancellationToken);

/// <summary>
/// The vendor API's resource paths, OData style: <c>companies()/items()</c> means a keyed companies segment
/// followed by a keyed items segment. Kept apart from ASP.NET routing so that <c>$batch</c> can dispatch
/// its operations to the same handlers.
/// </summary>
internal sealed class VendorRoutes
{
    public const string Standard = "v2.0";
    public const string Commerce = "synclab/commerce/v1.0";
    public const string Pricing = "synclab/pricing/v1.0";

    private readonly List<Route> _routes = [];

    public VendorRoutes Add(string apiRoot, string method, string pattern, VendorHandler handler)
    {
        var segments = pattern.Split('/').Select(p => p.EndsWith("()", StringComparison.Ordinal) ? (p[..^2], true) : (p, false)).ToList();
        _routes.Add(new Route(apiRoot, method, segments, handler));
        return this;
    }

    public bool KnowsRoot(string apiRoot) => _routes.Any(r => r.ApiRoot == apiRoot);

    /// <summary>The API roots, e.g. "v2.0" and "synclab/commerce/v1.0".</summary>
    public IEnumerable<string> Roots => _routes.Select(r => r.ApiRoot).Distinct();

    /// <summary>The routes of one API root in the order they were added: what its <c>$metadata</c> describes.</summary>
    public IEnumerable<(string Method, IReadOnlyList<(string Name, bool Keyed)> Segments)> Of(string apiRoot) =>
        _routes.Where(r => r.ApiRoot == apiRoot).Select(r => (r.Method, (IReadOnlyList<(string Name, bool Keyed)>)r.Segments));

    public async Task<VendorResponse> DispatchAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var candidates = _routes.Where(r => r.ApiRoot == request.ApiRoot && r.Fits(request.Segments)).ToList();
            if (candidates.Count == 0)
            {
                throw VendorError.NoResource(request.Segments.Count == 0 ? request.ApiRoot : request.Segments[^1].Name);
            }
            var route = candidates.FirstOrDefault(r => r.Method == request.Method)
                ?? throw VendorError.MethodNotAllowed(request.Method, request.Segments[^1].Name);
            if (request.Segments[0] is { Name: "companies", Key: { } companyKey })
            {
                var company = request.Service<ErpCompany>();
                if (Keys.Guid(companyKey) != company.Id)
                {
                    throw VendorError.NotFound($"The company with the id '{companyKey}' does not exist or you do not have access to it.");
                }
            }
            return await route.Handler(request, cancellationToken);
        }
        catch (VendorError error)
        {
            return VendorResponse.Error(error, error.Headers);
        }
    }

    private sealed record Route(string ApiRoot, string Method, List<(string Name, bool Keyed)> Segments, VendorHandler Handler)
    {
        public bool Fits(IReadOnlyList<Segment> path) =>
            path.Count == Segments.Count && path.Select((s, i) => s.Name == Segments[i].Name && (s.Key is not null) == Segments[i].Keyed).All(ok => ok);
    }
}

/// <summary>Reading OData keys the way the vendor does: a bare GUID, or a quoted string.</summary>
internal static class Keys
{
    public static Guid Guid(string key) =>
        System.Guid.TryParseExact(key.Trim('\''), "D", out var id)
            ? id
            : throw VendorError.Syntax($"Bad Request - Error in query syntax. '{key}' is not a valid key.");

    public static Guid Id(this VendorRequest request, int segment) => Guid(request.Segments[segment].Key!);

    public static string Text(string key) =>
        key.Length >= 2 && key[0] == '\'' && key[^1] == '\'' ? key[1..^1].Replace("''", "'", StringComparison.Ordinal) : key;
}
