using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Faults;

namespace SyncLab.MirrorKit.Chaos;

/// <summary><c>/_synclab/webhook-chaos</c>: read, set (PUT/POST replaces all knobs) or switch off (DELETE) the mirror's webhook chaos.</summary>
public static class WebhookChaosApi
{
    public static RouteGroupBuilder MapWebhookChaosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapAdminGroup("webhook-chaos");
        group.MapGet("", (WebhookChaos chaos) => TypedResults.Ok(chaos.Settings));
        group.MapPut("", SetAsync);
        group.MapPost("", SetAsync);
        group.MapDelete("", (WebhookChaos chaos) =>
        {
            chaos.Configure(WebhookChaosSettings.Off);
            return TypedResults.Ok(chaos.Settings);
        });
        return group;
    }

    private static async Task<Results<Ok<WebhookChaosSettings>, ValidationProblem, ProblemHttpResult>> SetAsync(HttpContext http, WebhookChaos chaos)
    {
        WebhookChaosSettings? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync<WebhookChaosSettings>(http.Request.Body, FaultsApi.Strict, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return AdminApi.Problem("webhook-chaos-invalid", "Invalid webhook chaos settings", $"The body is not webhook chaos settings: {e.Message}");
        }
        if (settings is null)
        {
            return AdminApi.Problem("webhook-chaos-invalid", "Invalid webhook chaos settings", "Send a JSON object such as {\"duplicateRate\":0.1}.");
        }
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The webhook chaos settings have errors; see 'errors'.", title: "Invalid webhook chaos settings", type: "https://synclab.dev/problems/webhook-chaos-invalid");
        }
        chaos.Configure(settings);
        return TypedResults.Ok(chaos.Settings);
    }
}
