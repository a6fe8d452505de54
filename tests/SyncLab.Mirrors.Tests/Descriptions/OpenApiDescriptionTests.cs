using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace SyncLab.Mirrors.Tests.Descriptions;

/// <summary>What the POS and warehouse mirrors' <c>/_synclab/openapi.json</c> must be true to: the vendor routes they really map.</summary>
public static class OpenApiDescription
{
    public static async Task<JsonElement> FetchAsync(DescribedMirror mirror)
    {
        using var response = await mirror.Http.GetAsync("/_synclab/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement.Clone();
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        return root;
    }

    /// <summary>Every path and method the document lists, as "POST /v2/orders".</summary>
    public static List<string> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every route the app maps under <c>/v2</c> (the vendor surface), from its endpoints; the catch-all 404 aside.</summary>
    public static List<string> VendorRoutes(DescribedMirror mirror) =>
        ((IEndpointRouteBuilder)mirror.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/v2/", StringComparison.Ordinal) && !e.Path.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}

public sealed class PosOpenApiTests(DescribedPos pos) : IClassFixture<DescribedPos>
{
    [Fact]
    public async Task the_openapi_document_lists_exactly_the_square_routes_the_mirror_maps()
    {
        var document = await OpenApiDescription.FetchAsync(pos);

        var routes = OpenApiDescription.VendorRoutes(pos);
        Assert.NotEmpty(routes);
        Assert.Equal(routes, OpenApiDescription.Operations(document));
        Assert.Contains("POST /v2/inventory/counts/batch-retrieve", routes);
        Assert.Contains("POST /v2/inventory/changes/batch-create", routes);
        Assert.Equal("2025-08-20", document.GetProperty("info").GetProperty("version").GetString());
    }

    [Fact]
    public async Task the_openapi_document_says_how_square_authenticates()
    {
        var document = await OpenApiDescription.FetchAsync(pos);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }
}

public sealed class WarehouseOpenApiTests(DescribedWarehouse warehouse) : IClassFixture<DescribedWarehouse>
{
    [Fact]
    public async Task the_openapi_document_lists_exactly_the_shipstation_routes_the_mirror_maps()
    {
        var document = await OpenApiDescription.FetchAsync(warehouse);

        var routes = OpenApiDescription.VendorRoutes(warehouse);
        Assert.NotEmpty(routes);
        Assert.Equal(routes, OpenApiDescription.Operations(document));
        Assert.Contains("GET /v2/inventory", routes);
        Assert.Contains("POST /v2/inventory", routes);
    }

    [Fact]
    public async Task the_openapi_document_says_how_shipstation_authenticates()
    {
        var document = await OpenApiDescription.FetchAsync(warehouse);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("api-key");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("api-key", scheme.GetProperty("name").GetString());
    }
}
