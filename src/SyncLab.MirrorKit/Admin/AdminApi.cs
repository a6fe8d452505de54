using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Admin;

/// <summary>SyncLab's own API on each mirror (problem+json, token-protected, loopback by default).</summary>
public static class AdminApi
{
    public const string Prefix = "/_synclab";

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "healthy" }));

        var admin = app.MapGroup(Prefix).AddEndpointFilter(AdminGroups.RequireAdmin);
        admin.MapGet("/info", (MirrorDescriptor d) => TypedResults.Ok(d));
        admin.MapGet("/clock", (BusinessClock clock) => TypedResults.Ok(ClockState.Of(clock)));
        admin.MapPost("/clock", SetClock);
        admin.MapPost("/reset", MirrorReset.HandleAsync);
        admin.MapGet("/ledger", (MirrorLedger ledger, long? after, int? limit) =>
            TypedResults.Ok(ledger.Since(after ?? 0, Math.Clamp(limit ?? 1000, 1, 10_000))));
        return admin;
    }

    private static Results<Ok<ClockState>, ProblemHttpResult> SetClock(ClockChange change, BusinessClock clock)
    {
        if (change.Advance is { } by && by < TimeSpan.Zero)
        {
            return Problem("clock-backwards", "The business clock only advances", "advance must not be negative; use 'set' to jump back.");
        }
        if (change.Rate is < 0)
        {
            return Problem("clock-rate", "Invalid clock rate", "rate must be 0 (frozen) or more.");
        }
        if (change.TimeZone is { } zoneId)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            {
                return Problem("clock-zone", "Unknown time zone", $"'{zoneId}' is not an IANA time zone known here.");
            }
            clock.SetTimeZone(zone);
        }
        if (change.Rate is { } rate)
        {
            clock.SetRate(rate);
        }
        if (change.Set is { } at)
        {
            clock.Set(at);
        }
        if (change.Advance is { } advance)
        {
            clock.Advance(advance);
        }
        return TypedResults.Ok(ClockState.Of(clock));
    }

    public static ProblemHttpResult Problem(string type, string title, string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: $"https://synclab.dev/problems/{type}");
}

public sealed record ClockChange(DateTimeOffset? Set, TimeSpan? Advance, double? Rate, string? TimeZone);

public sealed record ClockState(DateTimeOffset UtcNow, DateTimeOffset LocalNow, string TimeZone, double Rate)
{
    public static ClockState Of(BusinessClock clock)
    {
        var now = clock.GetUtcNow();
        return new ClockState(now, TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone), clock.LocalTimeZone.Id, clock.Rate);
    }
}
