using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Tax;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>A sales tax rate as the office keys it.</summary>
public sealed record SalesTaxRateChange(decimal? TaxPercent);

public sealed record SalesTaxRateView(DateOnly? EffectiveDate, decimal TaxPercent);

/// <summary>
/// <c>GET /_synclab/erp/sales-tax-rates</c> and <c>PUT /_synclab/erp/sales-tax-rates/{effectiveDate}</c>: the office
/// keys a new sales tax rate ahead of the day it takes effect (or forgets to). Sales orders dated from that day are
/// taxed at it.
/// </summary>
internal static class SalesTaxSetup
{
    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/sales-tax-rates", async (ErpDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.SalesTaxRates.AsNoTracking().OrderBy(r => r.EffectiveDate).ToListAsync(ct)).Select(View).ToList()));
        office.MapPut("/sales-tax-rates/{effectiveDate}", SetAsync);
    }

    private static async Task<Results<Ok<SalesTaxRateView>, ProblemHttpResult>> SetAsync(
        string effectiveDate, SalesTaxRateChange body, ErpDb db, ErpWriteGate gate, ErpCompany company, TimeProvider clock, MirrorLedger ledger, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(effectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return OfficeApi.Invalid("erp-invalid-tax-rate", "Invalid sales tax rate", $"'{effectiveDate}' is not an effective date (yyyy-MM-dd).");
        }
        if (body.TaxPercent is not { } percent || percent is < 0 or > 100)
        {
            return OfficeApi.Invalid("erp-invalid-tax-rate", "Invalid sales tax rate", "taxPercent is a percentage from 0 to 100, e.g. 8.5.");
        }
        using var lease = await gate.EnterAsync(db, ct);
        var row = await db.SalesTaxRates.FirstOrDefaultAsync(r => r.EffectiveDate == from, ct);
        if (row is null)
        {
            row = new SalesTaxRateRecord
            {
                Id = StableIds.For(company.Seed, "salesTaxRate", effectiveDate),
                Seq = await lease.NextSeqAsync<SalesTaxRateRecord>(ct),
                Jurisdiction = SalesTaxRates.Jurisdiction,
                EffectiveDate = from,
            };
            db.SalesTaxRates.Add(row);
        }
        row.TaxPercent = percent;
        row.LastModifiedDateTime = ErpTime.Now(clock);
        await db.SaveChangesAsync(ct);
        ledger.RecordEffect(string.Create(CultureInfo.InvariantCulture, $"erp: sales tax {percent} % from {effectiveDate}"), "sales-tax-rates");
        return TypedResults.Ok(View(row));
    }

    private static SalesTaxRateView View(SalesTaxRateRecord r) => new(r.EffectiveDate == DateOnly.MinValue ? null : r.EffectiveDate, r.TaxPercent);
}
