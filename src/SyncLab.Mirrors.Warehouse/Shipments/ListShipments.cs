using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Shipments;

/// <summary>
/// <c>GET /v2/shipments</c> (list_shipments: <c>shipment_status</c>, <c>external_shipment_id</c>, <c>shipment_number</c>,
/// <c>modified_at_start</c>/<c>modified_at_end</c>, <c>sort_by</c> modified_at|created_at with <c>sort_dir</c>,
/// <c>page</c>, <c>page_size</c> default 25) and <c>GET /v2/shipments/{shipment_id}</c>. Without
/// <c>sort_by</c> shipments come in the order they were created.
/// </summary>
public static class ListShipments
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/shipments", ListAsync);
        v2.MapGet("/shipments/{shipment_id}", GetAsync);
    }

    public static async Task<Results<JsonHttpResult<ListShipmentsResponse>, JsonHttpResult<ShipStationErrorResponse>>> ListAsync(
        HttpRequest request, WarehouseDb db, CancellationToken cancellationToken)
    {
        var (page, failure) = PageRequest.From(request.Query, "page_size", DefaultPageSize, MaxPageSize);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        var shipments = db.Shipments.AsNoTracking();
        if (request.Query["shipment_status"].ToString() is { Length: > 0 } status)
        {
            if (status is not (ShipmentRules.Pending or "processing" or ShipmentRules.LabelPurchased or ShipmentRules.Cancelled))
            {
                return ShipStationErrors.InvalidValue("shipment_status must be pending, processing, label_purchased or cancelled.").ToResult();
            }
            shipments = shipments.Where(s => s.Status == status);
        }
        if (request.Query["external_shipment_id"].ToString() is { Length: > 0 } external)
        {
            shipments = shipments.Where(s => s.ExternalShipmentId == external);
        }
        if (request.Query["shipment_number"].ToString() is { Length: > 0 } number)
        {
            // Every shipment of one order: a split keeps the order's number on each of its shipments.
            shipments = shipments.Where(s => s.ShipmentNumber == number || (s.ShipmentNumber == null && s.ExternalShipmentId == number));
        }
        var (window, windowFailure) = ShipmentQuery.ModifiedWindow(request.Query);
        if (windowFailure is not null)
        {
            return windowFailure.ToResult();
        }
        var (sorted, sortFailure) = ShipmentQuery.Sort(request.Query);
        if (sortFailure is not null)
        {
            return sortFailure.ToResult();
        }
        var rows = ShipmentQuery.Apply(await shipments.Include(s => s.Items).ToListAsync(cancellationToken), window!, sorted!);
        var total = rows.Count;
        rows = rows.Skip(page!.Skip).Take(page.Size).ToList();
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.WarehouseId, cancellationToken);
        return TypedResults.Json(
            new ListShipmentsResponse(
                rows.Select(s => Shipment.From(s, warehouses[s.WarehouseId])).ToList(), total, page.Page, PageRequest.Pages(total, page.Size), page.Links(request, total, byPageNumber: true)),
            ShipStationJson.Options);
    }

    public static async Task<Results<JsonHttpResult<Shipment>, JsonHttpResult<ShipStationErrorResponse>>> GetAsync(
        [FromRoute(Name = "shipment_id")] string shipmentId, WarehouseDb db, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().Include(s => s.Items).FirstOrDefaultAsync(s => s.ShipmentId == shipmentId, cancellationToken);
        if (shipment is null)
        {
            return ShipStationErrors.NotFound($"Shipment '{shipmentId}' was not found.").ToResult();
        }
        var warehouse = await db.Warehouses.AsNoTracking().FirstAsync(w => w.WarehouseId == shipment.WarehouseId, cancellationToken);
        return TypedResults.Json(Shipment.From(shipment, warehouse), ShipStationJson.Options);
    }
}

public sealed record ListShipmentsResponse(IReadOnlyList<Shipment> Shipments, int Total, int Page, int Pages, PageLinks Links);
