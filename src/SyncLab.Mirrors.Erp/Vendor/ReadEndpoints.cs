using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>The GET pair every company-scoped page has: the collection (with the OData query) and one entity by id.</summary>
internal static class ReadEndpoints
{
    public static VendorRoutes AddReads<T>(
        this VendorRoutes routes, string apiRoot, EntityShape<T> shape, Func<ErpDb, IQueryable<T>> source, Expression<Func<T, Guid>> id, string table)
        where T : class, ISequenced
    {
        routes.Add(apiRoot, "GET", $"companies()/{shape.EntitySet}", (request, cancellationToken) =>
            CollectionPage.AnswerAsync(
                source(request.Service<ErpDb>()), shape, request, request.Context($"companies({request.Segments[0].Key})/{shape.EntitySet}"),
                request.Service<ErpMirrorSettings>().PageSize, cancellationToken));

        routes.Add(apiRoot, "GET", $"companies()/{shape.EntitySet}()", async (request, cancellationToken) =>
        {
            var key = request.Id(1);
            var page = request.Service<ApiUpgrade>().Shape(shape);
            var options = QueryOptions.Parse(request.Query);
            var select = options.Selected(page);
            var expansions = options.Expanded(page);
            var match = Expression.Lambda<Func<T, bool>>(Expression.Equal(id.Body, QueryParameter.Of(key, typeof(Guid))), id.Parameters);
            var record = await source(request.Service<ErpDb>()).AsNoTracking().FirstOrDefaultAsync(match, cancellationToken)
                ?? throw VendorError.RecordNotFound(table, key);
            var expanded = await CollectionPage.ExpandAsync(expansions, request, [record], cancellationToken);
            return VendorResponse.Entity(200, page, record, request.Context($"companies({request.Segments[0].Key})/{shape.EntitySet}/$entity"), select, expanded);
        });
        return routes;
    }
}
