using GraphQL;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>
/// <c>GET /_synclab/schema.graphql</c>: the SDL of the Admin API schema this mirror serves, printed from the schema
/// that answers queries, so it cannot drift from it. Shopify offers no such file; its clients introspect
/// (<c>__schema</c>), which the vendor endpoint answers too. Public like <c>/health</c>: a description, not an action,
/// and what code generators fetch without the admin token.
/// </summary>
public static class SchemaDescription
{
    public const string Path = "/_synclab/schema.graphql";

    public static IEndpointRouteBuilder MapSchemaDescription(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (AdminGraphQLEngine engine) => TypedResults.Text(Sdl(engine.Schema), "text/plain; charset=utf-8"));
        return app;
    }

    public static string Sdl(AdminSchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
}
