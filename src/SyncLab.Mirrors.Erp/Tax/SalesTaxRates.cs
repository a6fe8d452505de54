using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Tax;

/// <summary>
/// One sales tax rate of the company's tax setup (BC's "Tax Detail": a jurisdiction's rate from an effective date
/// on). The rate in force for a document is the latest one effective on or before its date.
/// </summary>
internal sealed class SalesTaxRateRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public string Jurisdiction { get; set; } = string.Empty;

    /// <summary>Blank (<see cref="DateOnly.MinValue"/>) for the rate that has always applied.</summary>
    public DateOnly EffectiveDate { get; set; }

    public decimal TaxPercent { get; set; }

    public DateTimeOffset LastModifiedDateTime { get; set; }
}

/// <summary>
/// The company's sales tax: the rate every web order's lines are taxed at on their order date (the tax point is the
/// day of the sale), and the commerce connector's custom page that shows the setup to integrations:
/// <c>/api/synclab/commerce/v1.0/companies({id})/salesTaxRates</c>.
/// </summary>
internal static class SalesTaxRates
{
    /// <summary>What a new company charges: the storefront's default rate (8 %), so a fresh staging agrees with itself.</summary>
    public const decimal DefaultPercent = 8m;

    public const string Jurisdiction = "WEB";

    public static EntityShape<SalesTaxRateRecord> Page { get; } = new EntityShape<SalesTaxRateRecord>("salesTaxRate", "salesTaxRates")
        .Map("id", r => r.Id)
        .Map("jurisdiction", r => r.Jurisdiction)
        .Map("effectiveDate", r => r.EffectiveDate)
        .Map("taxPercent", r => r.TaxPercent)
        .Map("lastModifiedDateTime", r => r.LastModifiedDateTime)
        .WithETag(r => ODataJson.ETag(r.Seq))
        .OrderedBy("effectiveDate");

    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Commerce, Page, db => db.SalesTaxRates, r => r.Id, "Tax Detail");

    public static SalesTaxRateRecord Initial(ErpCompany company) => new()
    {
        Id = StableIds.For(company.Seed, "salesTaxRate", "0001-01-01"),
        Seq = 1,
        Jurisdiction = Jurisdiction,
        EffectiveDate = DateOnly.MinValue,
        TaxPercent = DefaultPercent,
        LastModifiedDateTime = company.CreatedAt,
    };

    /// <summary>The percent in force on <paramref name="date"/>; 0 when the setup has no rate that early.</summary>
    public static async Task<decimal> PercentOnAsync(ErpDb db, DateOnly date, CancellationToken cancellationToken) =>
        await db.SalesTaxRates.Where(r => r.EffectiveDate <= date).OrderByDescending(r => r.EffectiveDate).Select(r => (decimal?)r.TaxPercent).FirstOrDefaultAsync(cancellationToken) ?? 0m;

    /// <summary>A line's tax as BC rounds it: the line amount at the rate, to the cent.</summary>
    public static decimal Amount(decimal quantity, decimal unitPrice, decimal percent) =>
        Math.Round(quantity * unitPrice * percent / 100m, 2, MidpointRounding.AwayFromZero);
}
