using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Posting;

/// <summary>
/// The reads every sales document page has besides the collection and the entity: its lines under
/// <c>{documents}({id})/{lines}</c>, with the OData query, 404 for an unknown document.
/// </summary>
internal static class DocumentPages
{
    public static VendorRoutes AddLineReads(
        this VendorRoutes routes, string documentType, string documentSet, EntityShape<SalesDocumentLineRecord> lines, string table)
    {
        routes.Add(VendorRoutes.Standard, "GET", $"companies()/{documentSet}()/{lines.EntitySet}", async (request, cancellationToken) =>
        {
            var id = request.Id(1);
            var db = request.Service<ErpDb>();
            if (!await db.SalesDocuments.AnyAsync(d => d.Id == id && d.DocumentType == documentType, cancellationToken))
            {
                throw VendorError.RecordNotFound(table, id);
            }
            return await CollectionPage.AnswerAsync(
                db.SalesDocumentLines.Where(l => l.DocumentId == id), lines, request,
                request.Context($"companies({request.Segments[0].Key})/{documentSet}({request.Segments[1].Key})/{lines.EntitySet}"),
                request.Service<ErpMirrorSettings>().PageSize, cancellationToken);
        });
        return routes;
    }

    /// <summary>The lines of documents of one type, for <c>$expand</c>.</summary>
    public static Expansion<SalesDocumentRecord, SalesDocumentLineRecord> LinesOf(string name, Func<EntityShape<SalesDocumentLineRecord>> lines) =>
        new(name, lines, d => d.Id, l => l.DocumentId, db => db.SalesDocumentLines);
}
