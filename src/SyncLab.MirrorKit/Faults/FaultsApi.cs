using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.MirrorKit.Admin;

namespace SyncLab.MirrorKit.Faults;

/// <summary>
/// <c>/_synclab/faults</c>: list, add or replace (PUT/POST, by id), and delete faults at runtime.
/// Problem details on bad input, guarded like every admin route. See docs/faults.md.
/// </summary>
public static class FaultsApi
{
    /// <summary>Strict reading: an unknown field (a typo) is an error, not a fault that silently does nothing.</summary>
    internal static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The mirror's own faults, at <c>/_synclab/faults</c>.</summary>
    public static RouteGroupBuilder MapFaultsApi(this IEndpointRouteBuilder app) =>
        app.MapAdminGroup("faults").MapFaultEndpoints(http => http.RequestServices.GetRequiredService<FaultBook>());

    /// <summary>The fault endpoints on any admin group; <paramref name="book"/> finds the book a call is about (null: 404).</summary>
    public static RouteGroupBuilder MapFaultEndpoints(this RouteGroupBuilder group, Func<HttpContext, FaultBook?> book)
    {
        group.MapGet("", Results<Ok<IReadOnlyList<FaultView>>, ProblemHttpResult> (HttpContext http) =>
            book(http) is { } b ? TypedResults.Ok(b.List()) : Unknown(http));
        group.MapGet("/{id}", Results<Ok<FaultView>, ProblemHttpResult> (HttpContext http, string id) =>
            book(http) is not { } b ? Unknown(http)
            : b.Find(id) is { } view ? TypedResults.Ok(view)
            : NotFound(id));
        // The explicit return type keeps these off the RequestDelegate overload, which would drop the result.
        var put = Task<Results<Ok<FaultView>, ValidationProblem, ProblemHttpResult>> (HttpContext http) => PutAsync(http, book);
        group.MapPut("", put);
        group.MapPost("", put);
        group.MapDelete("", Results<NoContent, ProblemHttpResult> (HttpContext http) =>
        {
            if (book(http) is not { } b)
            {
                return Unknown(http);
            }
            b.Clear();
            return TypedResults.NoContent();
        });
        group.MapDelete("/{id}", Results<NoContent, ProblemHttpResult> (HttpContext http, string id) =>
            book(http) is not { } b ? Unknown(http)
            : b.Remove(id) ? TypedResults.NoContent()
            : NotFound(id));
        return group;
    }

    private static async Task<Results<Ok<FaultView>, ValidationProblem, ProblemHttpResult>> PutAsync(HttpContext http, Func<HttpContext, FaultBook?> book)
    {
        if (book(http) is not { } b)
        {
            return Unknown(http);
        }
        FaultDefinition? definition;
        try
        {
            definition = await JsonSerializer.DeserializeAsync<FaultDefinition>(http.Request.Body, Strict, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return AdminApi.Problem("fault-invalid", "Invalid fault definition", $"The body is not a fault definition: {e.Message}");
        }
        if (definition is null)
        {
            return AdminApi.Problem("fault-invalid", "Invalid fault definition", "Send a JSON object such as {\"kind\":\"error\",\"path\":\"/v2/**\",\"rate\":0.5}.");
        }
        if (!FaultValidation.TryValidate(definition, out var rule, out var errors))
        {
            return TypedResults.ValidationProblem(errors, "The fault definition has errors; see 'errors'.", title: "Invalid fault definition", type: "https://synclab.dev/problems/fault-invalid");
        }
        return TypedResults.Ok(b.Put(rule!));
    }

    private static ProblemHttpResult NotFound(string id) =>
        AdminApi.Problem("fault-not-found", "No such fault", $"No fault has the id '{id}'.", StatusCodes.Status404NotFound);

    private static ProblemHttpResult Unknown(HttpContext http) =>
        AdminApi.Problem("fault-target-unknown", "Nothing to fault here", $"'{http.Request.Path}' names no service that takes faults.", StatusCodes.Status404NotFound);
}
