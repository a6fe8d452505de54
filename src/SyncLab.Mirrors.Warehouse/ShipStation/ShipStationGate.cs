using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SyncLab.Mirrors.Warehouse.ShipStation;

/// <summary>What every ShipStation call passes first: the <c>api-key</c> header and the request budget.</summary>
public static class ShipStationGate
{
    public const string ApiKeyHeader = "api-key";

    public static RouteGroupBuilder MapShipStationApi(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").AddEndpointFilter(CheckAsync);
        // Unknown paths answer in ShipStation's error shape rather than with an empty 404.
        app.MapFallback("/v2/{**path}", (HttpContext http) =>
            ShipStationErrors.NotFound($"{http.Request.Method} {http.Request.Path} is not an endpoint of this API.").ToResult());
        return v2;
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var runtime = http.RequestServices.GetRequiredService<WarehouseRuntime>();
        var key = http.Request.Headers[ApiKeyHeader].ToString();
        if (key.Length == 0)
        {
            return ShipStationErrors.Unauthorized("The request is missing the api-key header.").ToResult();
        }
        if (runtime.Settings.ApiKey is { } expected && key != expected)
        {
            return ShipStationErrors.Unauthorized("The API key is invalid.").ToResult();
        }
        if (runtime.Limiter is { } limiter && !limiter.TryAcquire(out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ShipStationErrors.RateLimited().ToResult();
        }
        return await next(context);
    }
}
