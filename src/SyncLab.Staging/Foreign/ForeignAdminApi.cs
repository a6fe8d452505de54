using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Faults;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.Staging.Foreign;

/// <summary>What <c>GET /_synclab/foreign</c> lists.</summary>
public sealed record ForeignServiceView(string Name, string Address, string Serves);

/// <summary>A rate added through <c>PUT /_synclab/foreign/tax/rates</c>.</summary>
public sealed record TaxRateChange(string? PostalPrefix, decimal? Rate, DateTimeOffset? EffectiveFrom, string? Jurisdiction);

/// <summary>A status set through <c>PUT /_synclab/foreign/carrier/tracking/{number}</c>.</summary>
public sealed record TrackingChange(string? Status, string? Description);

/// <summary>
/// The staging's admin API for its foreign services, on the engine's address under <c>/_synclab/foreign</c>:
/// the same fault endpoints as a mirror's <c>/_synclab/faults</c>, each service's ledger, and the stubs' data.
/// </summary>
public static class ForeignAdminApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static WebApplication MapForeignAdmin(this WebApplication app, ForeignServices foreign)
    {
        var root = app.MapAdminGroup("foreign");
        root.MapGet("", () => TypedResults.Ok(foreign.Services.Values.Select(s => new ForeignServiceView(s.Name, s.Address.ToString(), s.Description)).ToList()));
        root.MapGet("/{service}/ledger", Results<Ok<IReadOnlyList<LedgerEntry>>, ProblemHttpResult> (string service, long? after, int? limit) =>
            foreign.Find(service) is { } s
                ? TypedResults.Ok(s.Ledger.Since(after ?? 0, Math.Clamp(limit ?? 1000, 1, 10_000)))
                : UnknownService(service));
        app.MapAdminGroup("foreign/{service}/faults")
            .MapFaultEndpoints(http => http.GetRouteValue("service") is string name ? foreign.Find(name)?.Faults : null);

        root.MapGet("/tax/rates", () => TypedResults.Ok(foreign.TaxRates.All));
        root.MapPut("/tax/rates", async Task<Results<Ok<TaxRate>, ProblemHttpResult>> (HttpContext http) =>
        {
            var (change, problem) = await ReadAsync<TaxRateChange>(http, "tax-rate-invalid");
            if (problem is not null)
            {
                return problem;
            }
            var prefix = change!.PostalPrefix?.Trim() ?? string.Empty;
            if (prefix.Length > 5 || !prefix.All(char.IsAsciiDigit))
            {
                return AdminApi.Problem("tax-rate-invalid", "Invalid tax rate", "postalPrefix is 0 to 5 digits of a US postal code.");
            }
            if (change.Rate is not { } rate || rate is < 0 or > 1)
            {
                return AdminApi.Problem("tax-rate-invalid", "Invalid tax rate", "rate is a fraction from 0 to 1, e.g. 0.1025.");
            }
            if (change.EffectiveFrom is not { } from)
            {
                return AdminApi.Problem("tax-rate-invalid", "Invalid tax rate", "effectiveFrom is the business instant the rate takes effect, e.g. 2028-01-01T00:00:00-06:00.");
            }
            var added = new TaxRate(prefix, rate, from, change.Jurisdiction ?? (prefix.Length == 0 ? "United States" : $"postal codes {prefix}*"));
            foreign.TaxRates.Add(added);
            return TypedResults.Ok(added);
        });

        root.MapPut("/carrier/tracking/{number}", async Task<Results<Ok<CarrierTrackingStub.TrackingAnswer>, ProblemHttpResult>> (HttpContext http, string number) =>
        {
            var (change, problem) = await ReadAsync<TrackingChange>(http, "tracking-invalid");
            if (problem is not null)
            {
                return problem;
            }
            if (!CarrierTrackingStub.IsTrackingNumber(number))
            {
                return AdminApi.Problem("tracking-invalid", "Invalid tracking number", "A tracking number is 8 to 40 letters and digits.");
            }
            if (change!.Status is not { } status || !CarrierTrackingStub.Statuses.Contains(status))
            {
                return AdminApi.Problem("tracking-invalid", "Invalid tracking status", $"status must be one of {string.Join(", ", CarrierTrackingStub.Statuses)}.");
            }
            return TypedResults.Ok(foreign.Tracking.SetStatus(number, status, change.Description));
        });
        root.MapDelete("/carrier/tracking", () =>
        {
            foreign.Tracking.Reset();
            return TypedResults.NoContent();
        });
        return app;
    }

    private static ProblemHttpResult UnknownService(string service) =>
        AdminApi.Problem("foreign-unknown", "No such foreign service", $"'{service}' is not one of tax, carrier, address.", StatusCodes.Status404NotFound);

    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext http, string problemType)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, http.RequestAborted);
            return value is null
                ? (null, AdminApi.Problem(problemType, "Invalid body", "Send a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, AdminApi.Problem(problemType, "Invalid body", e.Message));
        }
    }
}
