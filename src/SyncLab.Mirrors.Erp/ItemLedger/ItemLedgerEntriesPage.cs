using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.ItemLedger;

/// <summary>The standard API v2.0 itemLedgerEntries page: entries the office's stock adjustments posted. Read-only, as in BC.</summary>
internal static class ItemLedgerEntriesPage
{
    public static EntityShape<ItemLedgerEntryRecord> Shape { get; } = new EntityShape<ItemLedgerEntryRecord>("itemLedgerEntry", "itemLedgerEntries")
        .Map("id", e => e.Id)
        .Map("entryNumber", e => e.Seq)
        .Map("itemNumber", e => e.ItemNumber)
        .Map("postingDate", e => e.PostingDate)
        .Map("entryType", e => e.EntryType)
        .Constant("sourceNumber", string.Empty)
        .Constant("sourceType", "_x0020_")
        .Map("documentNumber", e => e.DocumentNumber)
        .Constant("documentType", "_x0020_")
        .Map("description", e => e.Description)
        .Map("quantity", e => e.Quantity)
        .Constant("salesAmountActual", 0m)
        .Map("costAmountActual", e => e.CostAmountActual)
        .Map("lastModifiedDateTime", e => e.LastModifiedDateTime)
        .WithETag(e => ODataJson.ETag(e.Seq))
        .OrderedBy("entryNumber");

    public static void Map(VendorRoutes routes) =>
        routes.AddReads(VendorRoutes.Standard, Shape, db => db.ItemLedgerEntries, e => e.Id, "Item Ledger Entry");
}
