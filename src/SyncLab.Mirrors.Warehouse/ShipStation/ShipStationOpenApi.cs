using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace SyncLab.Mirrors.Warehouse.ShipStation;

/// <summary>
/// <c>GET /_synclab/openapi.json</c>: an OpenAPI document of the ShipStation routes this mirror serves, generated
/// from its endpoints so that it cannot list a route the mirror lacks or miss one it has. Only <c>/v2</c>: health
/// and the admin API are SyncLab's own (docs/mirrors/warehouse.md). Public like <c>/health</c>: a description, not an action.
/// </summary>
public static class ShipStationOpenApi
{
    public const string Path = "/_synclab/openapi.json";

    public static IServiceCollection AddShipStationOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = route => route.RelativePath is { } path && path.StartsWith("v2/", StringComparison.Ordinal) && !path.Contains("{**", StringComparison.Ordinal);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ShipStation API (SyncLab warehouse mirror)",
                Version = "v2",
                Description = "The subset of ShipStation's API v2 the mirror serves: warehouses, inventory, products, shipments and labels.",
            };
            document.AddComponent<IOpenApiSecurityScheme>(ShipStationGate.ApiKeyHeader, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ShipStationGate.ApiKeyHeader,
                Description = "Any key unless the mirror is configured with one.",
            });
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ShipStationGate.ApiKeyHeader, document)] = [] }];
            return Task.CompletedTask;
        });
    });

    public static IEndpointRouteBuilder MapShipStationOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path);
        return app;
    }
}
