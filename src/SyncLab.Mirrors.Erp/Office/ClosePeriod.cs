using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Rules;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>The General Ledger Setup's allowed posting range; null on both sides opens every date.</summary>
public sealed record PostingRange(DateOnly? AllowPostingFrom, DateOnly? AllowPostingTo);

/// <summary>
/// <c>GET/PUT /_synclab/erp/posting-period</c>: the office closes a period by moving "Allow Posting From".
/// Stock adjustments and sales orders dated outside the range are then refused (a business fault).
/// </summary>
internal static class ClosePeriod
{
    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/posting-period", (PostingPeriod period) => TypedResults.Ok(Current(period)));
        office.MapPut("/posting-period", Set);
    }

    private static Results<Ok<PostingRange>, ProblemHttpResult> Set(PostingRange body, PostingPeriod period, MirrorLedger ledger)
    {
        if (body.AllowPostingFrom > body.AllowPostingTo)
        {
            return OfficeApi.Invalid("erp-invalid-period", "Invalid posting period", "allowPostingFrom must not be after allowPostingTo.");
        }
        period.Set(body.AllowPostingFrom, body.AllowPostingTo);
        ledger.RecordEffect($"erp: allowed posting dates set to {body.AllowPostingFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any"} .. {body.AllowPostingTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any"}", "posting-period");
        return TypedResults.Ok(Current(period));
    }

    private static PostingRange Current(PostingPeriod period) => new(period.Range.From, period.Range.To);
}
