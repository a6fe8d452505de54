using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.ItemLedger;

/// <summary>
/// The standard API v2.0 itemLedgerEntries page, read-only as in BC: the office's stock adjustments, and the
/// Sale entries of posted shipments (negative) and credit memos (positive, goods back in stock).
/// </summary>
internal static class ItemLedgerEntriesPage
{
    public static EntityShape<ItemLedgerEntryRecord> Shape { get; } = new EntityShape<ItemLedgerEntryRecord>("itemLedgerEntry", "itemLedgerEntries")
        .Map("id", e => e.Id)
        .Map("entryNumber", e => e.Seq)
        .Map("itemNumber", e => e.ItemNumber)
        .Map("postingDate", e => e.PostingDate)
        .Map("entryType", e => e.EntryType)
        .Map("sourceNumber", e => e.SourceNumber)
        .Map("sourceType", e => e.SourceType)
        .Map("documentNumber", e => e.DocumentNumber)
        .Map("documentType", e => e.DocumentType)
        .Map("description", e => e.Description)
        .Map("quantity", e => e.Quantity)
        .Map("salesAmountActual", e => e.SalesAmountActual)
        .Map("costAmountActual", e => e.CostAmountActual)
        .Map("lastModifiedDateTime", e => e.LastModifiedDateTime)
        .WithETag(e => ODataJson.ETag(e.Seq))
        .OrderedBy("entryNumber");

    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Standard, Shape, db => db.ItemLedgerEntries, e => e.Id, "Item Ledger Entry");
}
