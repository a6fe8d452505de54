using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>
/// <c>GET /_synclab/openapi.json</c>: an OpenAPI document of the Square routes this mirror serves, generated from
/// its endpoints so that it cannot list a route the mirror lacks or miss one it has. Only <c>/v2</c>: health and
/// the admin API are SyncLab's own (docs/mirrors/pos.md). Public like <c>/health</c>: a description, not an action.
/// </summary>
public static class SquareOpenApi
{
    public const string Path = "/_synclab/openapi.json";
    private const string Bearer = "bearer";

    public static IServiceCollection AddSquareOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = route => route.RelativePath is { } path && path.StartsWith("v2/", StringComparison.Ordinal) && !path.Contains("{**", StringComparison.Ordinal);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Square API (SyncLab POS mirror)",
                Version = SquareJson.ApiVersion,
                Description = "The subset of Square's API the mirror serves: Locations, Catalog, Inventory, Orders, Payments, Customers and webhook subscriptions.",
            };
            document.AddComponent<IOpenApiSecurityScheme>(Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Authorization: Bearer <access token>; any token unless the mirror is configured with one.",
            });
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            return Task.CompletedTask;
        });
    });

    public static IEndpointRouteBuilder MapSquareOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path);
        return app;
    }
}
