using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Pricing;

/// <summary>
/// The connector's pricing API, <c>/api/synclab/pricing/v1.0/companies({id})/priceLists</c> and its
/// <c>priceListLines</c>: effective-dated sales prices. Dates are calendar days in the list's
/// <c>timeZone</c>; an open end is BC's blank date, <c>0001-01-01</c>.
/// </summary>
internal static class PriceListsPage
{
    public static EntityShape<PriceListRecord> Lists { get; } = new EntityShape<PriceListRecord>("priceList", "priceLists")
        .Map("id", p => p.Id)
        .Map("code", p => p.Code)
        .Map("description", p => p.Description)
        .Map("currencyCode", p => p.CurrencyCode)
        .Map("startingDate", p => p.StartingDate)
        .Map("endingDate", p => p.EndingDate)
        .Map("timeZone", p => p.TimeZone)
        .Map("status", p => p.Status)
        .Map("lastModifiedDateTime", p => p.LastModifiedDateTime)
        .WithETag(p => ODataJson.ETag(p.Seq))
        .OrderedBy("code");

    public static EntityShape<PriceListLineRecord> Lines { get; } = new EntityShape<PriceListLineRecord>("priceListLine", "priceListLines")
        .Map("id", l => l.Id)
        .Map("priceListId", l => l.PriceListId)
        .Map("priceListCode", l => l.PriceListCode)
        .Map("itemId", l => l.ItemId)
        .Map("itemNumber", l => l.ItemNumber)
        .Map("unitPrice", l => l.UnitPrice)
        .Map("compareAtPrice", l => l.CompareAtPrice)
        .Map("currencyCode", l => l.CurrencyCode)
        .Map("startingDate", l => l.StartingDate)
        .Map("endingDate", l => l.EndingDate)
        .Map("lastModifiedDateTime", l => l.LastModifiedDateTime)
        .WithETag(l => ODataJson.ETag(l.Seq))
        .OrderedBy("priceListCode", "itemNumber");

    public static void Map(VendorRoutes routes)
    {
        routes.AddReads(VendorRoutes.Pricing, Lists, db => db.PriceLists, p => p.Id, "Price List Header");
        routes.AddReads(VendorRoutes.Pricing, Lines, db => db.PriceListLines, l => l.Id, "Price List Line");
        routes.Add(VendorRoutes.Pricing, "GET", "companies()/priceLists()/priceListLines", LinesOfListAsync);
    }

    private static async Task<VendorResponse> LinesOfListAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var db = request.Service<ErpDb>();
        if (!await db.PriceLists.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw VendorError.RecordNotFound("Price List Header", id);
        }
        return await CollectionPage.AnswerAsync(
            db.PriceListLines.Where(l => l.PriceListId == id), Lines, request,
            request.Context($"companies({request.Segments[0].Key})/priceLists({request.Segments[1].Key})/priceListLines"),
            request.Service<ErpMirrorSettings>().PageSize, cancellationToken);
    }
}
