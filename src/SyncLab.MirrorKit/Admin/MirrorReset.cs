using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Faults;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Admin;

/// <summary>
/// One part of a mirror that goes back to the seeded estate on a reset (its database, its caches, its
/// timers). Each mirror registers its own with <see cref="MirrorReset.AddMirrorReset"/>; it runs in a
/// fresh service scope, so it may use the mirror's DbContext.
/// </summary>
public sealed record MirrorResetStep(string Name, Func<IServiceProvider, CancellationToken, Task> Run);

/// <summary>What <c>POST /_synclab/reset</c> may also do: set the business clock (a scenario's epoch).</summary>
public sealed record ResetRequest(DateTimeOffset? Clock);

/// <summary>What a reset did: the mirror, the parts it reset, and the business time after it.</summary>
public sealed record MirrorResetDone(string System, IReadOnlyList<string> Parts, DateTimeOffset Clock);

/// <summary>
/// Puts a running mirror back to a fresh seeded estate without restarting it: the kit's own state (faults,
/// webhook chaos, ledger) and every part the mirror registered. Shared stagings use it between scenario
/// runs (<c>POST /_synclab/reset</c>); in-process stagings call <see cref="ResetAsync"/> directly.
/// </summary>
public static class MirrorReset
{
    public static IServiceCollection AddMirrorReset(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton(new MirrorResetStep(name, run));

    public static async Task<MirrorResetDone> ResetAsync(IServiceProvider services, CancellationToken ct)
    {
        var parts = new List<string> { "faults", "webhook chaos", "ledger" };
        services.GetRequiredService<FaultBook>().Clear();
        services.GetRequiredService<WebhookChaos>().Configure(WebhookChaosSettings.Off);
        foreach (var step in services.GetServices<MirrorResetStep>())
        {
            await using var scope = services.CreateAsyncScope();
            await step.Run(scope.ServiceProvider, ct);
            parts.Add(step.Name);
        }
        var ledger = services.GetRequiredService<MirrorLedger>();
        ledger.Clear();
        ledger.RecordEffect($"reset to the seeded estate: {string.Join(", ", parts)}", AdminApi.Prefix + "/reset");
        return new MirrorResetDone(services.GetRequiredService<MirrorDescriptor>().System, parts, services.GetRequiredService<BusinessClock>().GetUtcNow());
    }

    internal static async Task<Results<Ok<MirrorResetDone>, ProblemHttpResult>> HandleAsync(HttpContext http, BusinessClock clock, CancellationToken ct)
    {
        // The body is optional: an empty POST resets and leaves the clock where it is.
        ResetRequest? request = null;
        if (http.Request.HasJsonContentType())
        {
            try
            {
                request = await http.Request.ReadFromJsonAsync<ResetRequest>(ct);
            }
            catch (JsonException e)
            {
                return AdminApi.Problem("reset-invalid", "Invalid reset request", $"Expected {{\"clock\": \"<ISO 8601 instant>\"}} or no body: {e.Message}");
            }
        }
        if (request?.Clock is { } at)
        {
            clock.Set(at);
        }
        return TypedResults.Ok(await ResetAsync(http.RequestServices, ct));
    }
}
