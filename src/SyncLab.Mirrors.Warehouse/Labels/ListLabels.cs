using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Labels;

/// <summary>
/// <c>GET /v2/labels</c> (list_labels: <c>shipment_id</c>, <c>tracking_number</c>, <c>page</c>, <c>page_size</c>
/// default 25): the labels bought, newest first, as ShipStation lists them. This is where an integration
/// finds a shipped shipment's tracking number and carrier; the shipment itself does not carry them.
/// </summary>
public static class ListLabels
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder v2) => v2.MapGet("/labels", ListAsync);

    public static async Task<Results<JsonHttpResult<ListLabelsResponse>, JsonHttpResult<ShipStationErrorResponse>>> ListAsync(
        HttpRequest request, WarehouseDb db, CancellationToken cancellationToken)
    {
        var (page, failure) = PageRequest.From(request.Query, "page_size", DefaultPageSize, MaxPageSize);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        var labelled = db.Shipments.AsNoTracking().Where(s => s.LabelId != null);
        if (request.Query["shipment_id"].ToString() is { Length: > 0 } shipmentId)
        {
            labelled = labelled.Where(s => s.ShipmentId == shipmentId);
        }
        if (request.Query["tracking_number"].ToString() is { Length: > 0 } tracking)
        {
            labelled = labelled.Where(s => s.TrackingNumber == tracking);
        }
        var total = await labelled.CountAsync(cancellationToken);
        var rows = await labelled.OrderByDescending(s => s.Sequence).Skip(page!.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var labels = rows.Select(s => Label.From(s, new LabelOptions(), request)).ToList();
        return TypedResults.Json(
            new ListLabelsResponse(labels, total, page.Page, PageRequest.Pages(total, page.Size), page.Links(request, total, byPageNumber: true)),
            ShipStationJson.Options);
    }
}

public sealed record ListLabelsResponse(IReadOnlyList<Label> Labels, int Total, int Page, int Pages, PageLinks Links);
