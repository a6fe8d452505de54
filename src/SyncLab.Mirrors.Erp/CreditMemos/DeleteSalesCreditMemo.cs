using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.CreditMemos;

/// <summary><c>DELETE companies({id})/salesCreditMemos({id})</c> with If-Match → 204, drafts only (a posted credit memo is refused).</summary>
internal static class DeleteSalesCreditMemo
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.RequireIfMatch();
        var db = request.Service<ErpDb>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var memo = await db.SalesDocuments.FirstOrDefaultAsync(d => d.Id == id && d.DocumentType == SalesDocumentType.CreditMemo, cancellationToken)
            ?? throw VendorError.RecordNotFound(SalesCreditMemosPage.Table, id);
        if (ifMatch != "*" && ifMatch != SalesCreditMemosPage.CreditMemos.ETag!(memo))
        {
            throw request.Stale();
        }
        if (memo.Posted)
        {
            throw VendorError.Dialog("The action can be applied to a draft credit memo only.");
        }
        db.SalesDocumentLines.RemoveRange(await db.SalesDocumentLines.Where(l => l.DocumentId == id).ToListAsync(cancellationToken));
        db.SalesDocuments.Remove(memo);
        await db.SaveChangesAsync(cancellationToken);
        var now = ErpTime.Now(request.Service<TimeProvider>());
        request.Service<MirrorLedger>().RecordEffect($"erp: sales credit memo {memo.Number} (draft) deleted through the API", $"salesCreditMemos({memo.Id})");
        request.Service<ChangeNotifier>().Publish(new Change("salesCreditMemos", memo.Id, "deleted", now));
        return VendorResponse.NoContent;
    }
}
