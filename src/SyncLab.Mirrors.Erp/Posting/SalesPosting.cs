using System.Globalization;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Posting;

/// <summary>
/// What posting a sales document does to inventory (Sales-Post → Item Jnl.-Post Line): one item ledger entry
/// per line, entry type Sale, negative for a shipment and positive for a credit memo (goods come back). The
/// item's inventory, row version and lastModifiedDateTime follow, as the office's adjustments do here, so a
/// delta read of items sees the new stock.
/// </summary>
internal static class SalesPosting
{
    /// <summary>OData spellings of the "Document Type" option of item ledger entries.</summary>
    public const string ShipmentDocument = "Sales_x0020_Shipment";

    public const string CreditMemoDocument = "Sales_x0020_Credit_x0020_Memo";

    /// <summary>
    /// The checks Sales-Post makes before anything is written: the posting date, the customer's Blocked
    /// option, each item's Blocked flag. Throws the <see cref="VendorError"/> BC answers with.
    /// </summary>
    public static void EnsureCanPost(PostingPeriod period, DateOnly postingDate, CustomerRecord customer, bool creditMemo, IEnumerable<ItemRecord> items)
    {
        try
        {
            CustomerRules.EnsureCanPost(customer, creditMemo);
            period.EnsurePostingAllowed(postingDate);
            foreach (var item in items)
            {
                ItemRules.EnsureNotBlocked(item);
            }
        }
        catch (BusinessRuleException rule)
        {
            throw new VendorError(400, rule.Code, rule.Message);
        }
    }

    /// <param name="item">Tracked: its inventory changes by <paramref name="quantity"/>.</param>
    /// <param name="quantity">Signed: negative ships goods out, positive takes them back.</param>
    public static async Task<ItemLedgerEntryRecord> PostItemAsync(
        ErpDb db, ErpWriteGate.Lease lease, ErpCompany company, ItemRecord item, decimal quantity, decimal unitPrice,
        string documentType, string documentNumber, DateOnly postingDate, CustomerRecord customer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entryNo = await lease.NextSeqAsync<ItemLedgerEntryRecord>(cancellationToken);
        var entry = new ItemLedgerEntryRecord
        {
            Id = StableIds.For(company.Seed, "itemLedgerEntry", entryNo.ToString(CultureInfo.InvariantCulture)),
            Seq = entryNo,
            ItemId = item.Id,
            ItemNumber = item.Number,
            PostingDate = postingDate,
            EntryType = "Sale",
            DocumentType = documentType,
            DocumentNumber = documentNumber,
            SourceType = "Customer",
            SourceNumber = customer.Number,
            Description = item.DisplayName,
            LocationCode = string.Empty,
            Quantity = quantity,
            // Sales amounts carry the opposite sign of the quantity: a sale earns, a return refunds.
            SalesAmountActual = Math.Round(-quantity * unitPrice, 2),
            CostAmountActual = Math.Round(quantity * item.UnitCost, 2),
            LastModifiedDateTime = now,
        };
        db.ItemLedgerEntries.Add(entry);
        item.Inventory += quantity;
        item.Version = lease.NextVersion();
        item.LastModifiedDateTime = now;
        return entry;
    }

    /// <summary>A posted document's lines as a line of another document (the order's lines become shipment and invoice lines).</summary>
    public static SalesDocumentLineRecord Line(
        ErpCompany company, SalesDocumentRecord document, int sequence, Guid itemId, string itemNumber, string description, string unit,
        decimal quantity, decimal unitPrice, Guid locationId, DateOnly shipmentDate) => new()
        {
            Id = StableIds.For(company.Seed, $"{document.DocumentType}Line", $"{document.Id:N}|{sequence}"),
            DocumentId = document.Id,
            DocumentType = document.DocumentType,
            DocumentNumber = document.Number,
            Sequence = sequence,
            ItemId = itemId,
            LineObjectNumber = itemNumber,
            Description = description,
            UnitOfMeasureCode = unit,
            Quantity = quantity,
            UnitPrice = unitPrice,
            LocationId = locationId,
            ShipmentDate = shipmentDate,
        };
}
