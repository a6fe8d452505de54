using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Storefront.Orders;

namespace SyncLab.Mirrors.Storefront.Admin;

/// <summary>
/// <c>GET/PUT /_synclab/storefront/tax-rates</c>: the sales tax rate checkout charges changes at an instant
/// (e.g. 2027-01-01T00:00:00-06:00), as a jurisdiction's new rate takes effect; orders placed before it keep the old one.
/// </summary>
public static class TaxRatesAction
{
    public sealed record Body(decimal? Rate, DateTimeOffset? EffectiveFrom);

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/tax-rates", (TaxSchedule taxes) => TypedResults.Ok(taxes.Changes));
        group.MapPut("/tax-rates", Schedule);
    }

    private static Results<Ok<ScheduledTaxRate>, ProblemHttpResult> Schedule(Body body, TaxSchedule taxes, MirrorLedger ledger)
    {
        if (body.Rate is not { } rate || rate is < 0 or > 1)
        {
            return AdminApi.Problem("storefront-invalid-tax-rate", "Invalid tax rate", "rate is a fraction from 0 to 1, e.g. 0.085.");
        }
        if (body.EffectiveFrom is not { } from)
        {
            return AdminApi.Problem("storefront-invalid-tax-rate", "Invalid tax rate", "effectiveFrom is the instant the rate takes effect, e.g. 2027-01-01T00:00:00-06:00.");
        }
        var change = new ScheduledTaxRate(rate, from);
        taxes.Schedule(change);
        ledger.RecordEffect(FormattableString.Invariant($"sales tax {rate:0.#####} from {from:O}"), "tax-rates");
        return TypedResults.Ok(change);
    }
}
