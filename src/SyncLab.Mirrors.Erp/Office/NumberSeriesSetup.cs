using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>A number series line as the office sees it (BC's "No. Series Lines").</summary>
public sealed record NumberSeriesLine(string Code, DateOnly? StartingDate, string StartingNumber, string LastNumberUsed);

/// <summary>The office's year-end setup of a series line: numbers from <c>startingNumber</c> on.</summary>
public sealed record NumberSeriesLineChange(string? StartingNumber);

/// <summary>
/// <c>GET /_synclab/erp/number-series</c> and <c>PUT /_synclab/erp/number-series/{code}/lines/{startingDate}</c>:
/// the office restarts a series for a new fiscal year (e.g. S-ORD from 2027-01-01 at SO-2027-0001). Documents dated
/// from that day are numbered from the new line; earlier ones from the line before it.
/// </summary>
internal static class NumberSeriesSetup
{
    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/number-series", ListAsync);
        office.MapPut("/number-series/{code}/lines/{startingDate}", SetAsync);
    }

    private static async Task<Ok<List<NumberSeriesLine>>> ListAsync(ErpDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.NumberSeries.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.StartingDate).Select(View).ToList());

    private static async Task<Results<Ok<NumberSeriesLine>, ProblemHttpResult>> SetAsync(
        string code, string startingDate, NumberSeriesLineChange body, ErpDb db, ErpWriteGate gate, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        if (!NumberSeries.Known(code))
        {
            return AdminApi.Problem("erp-unknown-number-series", "No such number series", $"No number series '{code}' (one of S-ORD, S-CR, S-SHPT, S-INV+, S-CR+, CUST).", StatusCodes.Status404NotFound);
        }
        if (!DateOnly.TryParseExact(startingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) || from == DateOnly.MinValue)
        {
            return OfficeApi.Invalid("erp-invalid-number-series", "Invalid number series line", $"'{startingDate}' is not a starting date (yyyy-MM-dd).");
        }
        if (body.StartingNumber is not { Length: > 0 and <= 20 } number || !NumberSeries.Countable(number))
        {
            return OfficeApi.Invalid("erp-invalid-number-series", "Invalid number series line", "startingNumber is 1 to 20 characters (BC's Code[20]) with digits to count on, e.g. SO-2027-0001.");
        }
        using var lease = await gate.EnterAsync(db, cancellationToken);
        if (!await NumberSeries.SetLineAsync(db, code, from, number, cancellationToken))
        {
            return AdminApi.Problem("erp-number-series-in-use", "The line is in use", $"Numbers were taken from the {code} line starting {startingDate} already; it cannot restart.", StatusCodes.Status409Conflict);
        }
        await db.SaveChangesAsync(cancellationToken);
        ledger.RecordEffect($"erp: number series {code} numbers from {number} on {startingDate}", "number-series");
        var line = await db.NumberSeries.AsNoTracking().FirstAsync(s => s.Code == code && s.StartingDate == from, cancellationToken);
        return TypedResults.Ok(View(line));
    }

    private static NumberSeriesLine View(NumberSeriesRecord s) =>
        new(s.Code, s.StartingDate == DateOnly.MinValue ? null : s.StartingDate, s.StartingNumber, s.LastNumberUsed);
}
