using System.Text;
using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.RateLimits;
using SyncLab.Mirrors.Storefront.GraphApi.Cost;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>
/// <c>POST /admin/api/{version}/graphql.json</c> with Shopify's edge behaviour: 404 for an unknown version,
/// 401 without a valid <c>X-Shopify-Access-Token</c>, calculated-cost throttling (HTTP 200 with a THROTTLED
/// error) and <c>extensions.cost</c> on every answer.
/// </summary>
public static class AdminGraphQLEndpoint
{
    public const string InvalidTokenBody = "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";

    public static IEndpointRouteBuilder MapAdminGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/api/{version}/graphql.json", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext http, string version)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<StorefrontMirrorSettings>();
        if (!settings.ApiVersions.Contains(version, StringComparer.Ordinal))
        {
            await WriteRaw(http, StatusCodes.Status404NotFound, "{\"errors\":\"Not Found\"}");
            return;
        }
        var token = http.Request.Headers["X-Shopify-Access-Token"].ToString();
        if (token.Length == 0 || (settings.AccessToken is not null && token != settings.AccessToken))
        {
            await WriteRaw(http, StatusCodes.Status401Unauthorized, InvalidTokenBody);
            return;
        }
        http.Response.Headers["X-Shopify-API-Version"] = version;

        var engine = services.GetRequiredService<AdminGraphQLEngine>();
        var request = await engine.ReadRequestAsync(http.Request, http.RequestAborted);
        if (request?.Query is not { Length: > 0 } query)
        {
            await WriteRaw(http, StatusCodes.Status400BadRequest, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
            return;
        }
        var shop = services.GetRequiredService<ShopRequest>();
        shop.ApiVersion = version;
        var result = await engine.ExecuteAsync(shop, request, query, token, services, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await engine.Serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task WriteRaw(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(json, Encoding.UTF8, http.RequestAborted);
    }
}

/// <summary>The schema, executer, serializer and cost buckets: built once per host.</summary>
public sealed class AdminGraphQLEngine(StorefrontMirrorSettings settings, LeakyBuckets buckets, ILogger<AdminGraphQLEngine> logger)
{
    private readonly LeakyBucketLimits _limits = new(settings.Throttle.BucketSize, settings.Throttle.RestoreRate);
    private readonly SerialDocumentExecuter _executer = new();

    public AdminSchema Schema { get; } = Initialized(new AdminSchema());

    /// <summary>Errors carry message, locations, path and extensions.code, as Shopify's do; quotes stay readable ('x', not \u0027x\u0027).</summary>
    public GraphQLSerializer Serializer { get; } = new(
        json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        new ErrorInfoProvider(o =>
        {
            o.ExposeCodes = false;
            o.ExposeData = false;
        }));

    public async Task<GraphQLRequest?> ReadRequestAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentType?.StartsWith("application/graphql", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(http.Body, Encoding.UTF8);
            return new GraphQLRequest { Query = await reader.ReadToEndAsync(ct) };
        }
        try
        {
            return await Serializer.ReadAsync<GraphQLRequest>(http.Body, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task<ExecutionResult> ExecuteAsync(ShopRequest shop, GraphQLRequest request, string query, string token, IServiceProvider services, CancellationToken ct)
    {
        GraphQLDocument? document = null;
        try
        {
            document = new GraphQLDocumentBuilder().Build(query);
        }
        catch (Exception e) when (e is GraphQLSyntaxErrorException or ExecutionError)
        {
            // Let the executer report the syntax error in GraphQL.NET's words.
        }
        var operation = document is null ? null : QueryCost.Operation(document, request.OperationName);
        var requested = operation is null ? 0 : QueryCost.Requested(Schema, document!, operation, request.Variables);
        var throttle = settings.Throttle;

        if (throttle.Enabled && requested > throttle.MaxQueryCost)
        {
            return CostError(
                new ExecutionError($"Query cost is {requested}, which exceeds the single query max cost limit ({throttle.MaxQueryCost}).") { Code = "MAX_COST_EXCEEDED" },
                requested, buckets.Peek(token, _limits));
        }
        if (throttle.Enabled && !buckets.TryTake(token, requested, _limits, out var denied))
        {
            return CostError(new ExecutionError("Throttled") { Code = "THROTTLED" }, requested, denied);
        }

        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            Root = shop,
            RequestServices = services,
            CancellationToken = ct,
            UnhandledExceptionDelegate = context =>
            {
                logger.LogError(context.OriginalException, "Admin API resolver failed");
                return Task.CompletedTask;
            },
        });

        var actual = operation is null ? 0 : QueryCost.Actual(result, operation, requested);
        var status = throttle.Enabled ? buckets.Refund(token, requested - actual, _limits) : Unlimited();
        result.Extensions ??= [];
        result.Extensions["cost"] = Cost(requested, actual, status);
        return result;
    }

    private ExecutionResult CostError(ExecutionError error, int requested, BucketStatus status)
    {
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["documentation"] = "https://shopify.dev/api/usage/rate-limits";
        return new ExecutionResult(error) { Extensions = new() { ["cost"] = Cost(requested, null, status) } };
    }

    private BucketStatus Unlimited() => new(settings.Throttle.BucketSize, settings.Throttle.BucketSize, settings.Throttle.RestoreRate);

    private static Dictionary<string, object?> Cost(int requested, int? actual, BucketStatus status) => new()
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = actual,
        ["throttleStatus"] = new Dictionary<string, object?>
        {
            ["maximumAvailable"] = status.Capacity,
            ["currentlyAvailable"] = Math.Floor(status.Available),
            ["restoreRate"] = status.RestorePerSecond,
        },
    };

    private static AdminSchema Initialized(AdminSchema schema)
    {
        schema.Initialize();
        return schema;
    }

    /// <summary>
    /// Queries run their fields one after another: resolvers share the request's DbContext, which
    /// does not allow concurrent use (mutations are serial by the GraphQL spec anyway).
    /// </summary>
    private sealed class SerialDocumentExecuter : DocumentExecuter
    {
        private readonly SerialExecutionStrategy _serial = new();

        protected override IExecutionStrategy SelectExecutionStrategy(GraphQL.Execution.ExecutionContext context) =>
            context.Operation.Operation == OperationType.Query ? _serial : base.SelectExecutionStrategy(context);
    }
}
