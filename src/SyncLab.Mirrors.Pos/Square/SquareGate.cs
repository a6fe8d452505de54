using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>What every Square call passes first: the access token, the request budget, the Square-Version header.</summary>
public static partial class SquareGate
{
    public static RouteGroupBuilder MapSquareApi(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").AddEndpointFilter(CheckAsync);
        // Square answers unknown paths in its own error shape, not with an empty 404.
        app.MapFallback("/v2/{**path}", (HttpContext http) =>
            SquareErrors.NotFound($"{http.Request.Method} {http.Request.Path} is not an endpoint of this API.").ToResult());
        return v2;
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var runtime = http.RequestServices.GetRequiredService<PosRuntime>();
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return SquareErrors.Unauthorized("Your request did not include an `Authorization` http header with an access token.").ToResult();
        }
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
        {
            return SquareErrors.Unauthorized("The `Authorization` http header of your request was malformed. The header value is expected to be of the format \"Bearer TOKEN\".").ToResult();
        }
        if (runtime.Settings.AccessToken is { } expected && authorization["Bearer ".Length..] != expected)
        {
            return SquareErrors.Unauthorized("This request could not be authorized.").ToResult();
        }
        if (runtime.Limiter is { } limiter && !limiter.TryAcquire(out _))
        {
            return SquareErrors.RateLimited().ToResult();
        }
        var version = http.Request.Headers["Square-Version"].ToString();
        if (version.Length > 0 && !VersionFormat().IsMatch(version))
        {
            return SquareErrors.Invalid("INVALID_SQUARE_VERSION_FORMAT", "Square-Version", $"Invalid Square-Version format: {version}. Expected YYYY-MM-DD.").ToResult();
        }
        // Any well-formed version is served with this mirror's one behaviour (2025-08-20); echo what was asked.
        http.Response.Headers["Square-Version"] = version.Length > 0 ? version : SquareJson.ApiVersion;
        return await next(context);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFormat();
}
