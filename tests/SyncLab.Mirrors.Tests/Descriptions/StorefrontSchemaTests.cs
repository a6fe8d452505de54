using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using Xunit;

namespace SyncLab.Mirrors.Tests.Descriptions;

/// <summary>
/// The storefront mirror describes its schema twice, and both must tell the truth: introspection on the Admin API
/// (what Shopify's clients use) and the SDL at <c>/_synclab/schema.graphql</c>.
/// </summary>
public sealed class StorefrontSchemaTests(DescribedStorefront storefront) : IClassFixture<DescribedStorefront>
{
    /// <summary>The query GraphiQL and code generators send (graphql-js getIntrospectionQuery, without subscriptions' extras).</summary>
    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    [Fact]
    public async Task the_sdl_is_served_and_parses_with_the_root_types_shopify_names()
    {
        var document = await SdlAsync();

        var schema = document.Definitions.OfType<GraphQLSchemaDefinition>().Single();
        var roots = schema.OperationTypes.ToDictionary(o => o.Operation, o => o.Type!.Name.StringValue);
        Assert.Equal("QueryRoot", roots[OperationType.Query]);
        Assert.Equal("Mutation", roots[OperationType.Mutation]);
        Assert.Contains("productVariantsBulkUpdate", FieldsOf(document, "Mutation"));
        Assert.Contains("inventorySetQuantities", FieldsOf(document, "Mutation"));
        Assert.Contains("products", FieldsOf(document, "QueryRoot"));
    }

    [Fact]
    public async Task the_admin_api_answers_the_standard_introspection_query()
    {
        var answer = await IntrospectAsync();

        var schema = answer.GetProperty("data").GetProperty("__schema");
        Assert.Equal("QueryRoot", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Mutation", schema.GetProperty("mutationType").GetProperty("name").GetString());
        Assert.Contains(schema.GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "ProductVariant");
    }

    [Fact]
    public async Task the_sdl_and_introspection_describe_the_same_types_and_fields()
    {
        var document = await SdlAsync();
        var introspected = (await IntrospectAsync()).GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal) && !BuiltInScalars.Contains(t.GetProperty("name").GetString()!))
            .ToList();
        var defined = document.Definitions.OfType<GraphQLTypeDefinition>().Select(d => d.Name.StringValue).ToHashSet();

        Assert.Equal(introspected.Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal), defined.Order(StringComparer.Ordinal));
        foreach (var type in introspected.Where(t => t.GetProperty("kind").GetString() == "OBJECT"))
        {
            var name = type.GetProperty("name").GetString()!;
            var fields = type.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);
            Assert.Equal(fields, FieldsOf(document, name).Order(StringComparer.Ordinal));
        }
    }

    private async Task<GraphQLDocument> SdlAsync()
    {
        using var response = await storefront.Http.GetAsync("/_synclab/schema.graphql");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> IntrospectAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/api/2025-01/graphql.json")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = IntrospectionQuery, operationName = "IntrospectionQuery" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Access-Token", "shpat_synclab_descriptions");
        using var response = await storefront.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.TryGetProperty("errors", out var errors), $"introspection failed: {errors}");
        return answer;
    }

    private static List<string> FieldsOf(GraphQLDocument document, string typeName) =>
        document.Definitions.OfType<GraphQLObjectTypeDefinition>().Single(t => t.Name.StringValue == typeName)
            .Fields!.Items.Select(f => f.Name.StringValue).ToList();
}
