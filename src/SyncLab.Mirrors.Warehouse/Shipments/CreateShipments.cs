using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Shipments;

/// <summary>
/// <c>POST /v2/shipments</c> (create_shipments): pending shipments from a warehouse. Each line allocates
/// stock if enough is available (<c>allocation_status</c> "allocated"), else waits ("unallocated").
/// All shipments of a request are validated before any is created.
/// </summary>
public static class CreateShipments
{
    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/shipments", HandleAsync);

    public static async Task<Results<JsonHttpResult<CreateShipmentsResponse>, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var (body, failure) = await ShipStationBody.ReadAsync<CreateShipmentsRequest>(request, cancellationToken);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        if (body!.Shipments is not { Count: > 0 } shipments)
        {
            return ShipStationErrors.Required("shipments").ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var skuKeys = shipments.SelectMany(s => s.Items ?? []).Select(i => i.Sku?.ToUpperInvariant()).OfType<string>().Distinct().ToList();
            var products = await db.Products.AsNoTracking().Where(p => skuKeys.Contains(p.SkuKey)).ToDictionaryAsync(p => p.SkuKey, cancellationToken);
            var warehouseIds = shipments.Select(s => s.WarehouseId).OfType<string>().Distinct().ToList();
            var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.WarehouseId)).ToDictionaryAsync(w => w.WarehouseId, cancellationToken);
            for (var i = 0; i < shipments.Count; i++)
            {
                failure = ShipmentRules.Validate(shipments[i], i, products.Keys.ToHashSet(StringComparer.Ordinal));
                if (failure is null && !warehouses.ContainsKey(shipments[i].WarehouseId!))
                {
                    failure = ShipStationErrors.UnknownReference($"shipments[{i}].warehouse_id '{shipments[i].WarehouseId}' was not found.");
                }
                if (failure is not null)
                {
                    return failure.ToResult();
                }
            }

            var now = clock.GetUtcNow();
            var sequence = await db.Shipments.MaxAsync(s => (long?)s.Sequence, cancellationToken) ?? 0;
            var created = new List<Shipment>(shipments.Count);
            foreach (var s in shipments)
            {
                var warehouse = warehouses[s.WarehouseId!];
                var shipment = await CreateAsync(db, s, warehouse, products, ++sequence, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                ledger.RecordEffect(
                    $"shipment {shipment.ShipmentId} from {warehouse.Code}: " + string.Join(", ", shipment.Items.Select(i => $"{i.Sku} x{i.Quantity} {(i.Allocated ? "allocated" : "unallocated")}")),
                    request.Path);
                created.Add(Shipment.From(shipment, warehouse));
            }
            return TypedResults.Json(new CreateShipmentsResponse(false, created), ShipStationJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    private static async Task<WhShipment> CreateAsync(
        WarehouseDb db, ShipmentRequest s, WhWarehouse warehouse, IReadOnlyDictionary<string, WhProduct> products, long sequence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var location = await db.Locations.AsNoTracking()
            .Where(l => l.InventoryWarehouseId == warehouse.InventoryWarehouseId)
            .OrderBy(l => l.Ordinal)
            .FirstAsync(cancellationToken);
        var lines = s.Items!.Select(i => (Sku: products[i.Sku!.ToUpperInvariant()].Sku, Quantity: i.Quantity!.Value)).ToList();
        var skus = lines.Select(l => l.Sku).Distinct().ToList();
        var levels = await db.Levels.Where(l => l.InventoryLocationId == location.InventoryLocationId && skus.Contains(l.Sku)).ToDictionaryAsync(l => l.Sku, cancellationToken);
        var allocated = ShipmentRules.Allocate(lines, levels.ToDictionary(l => l.Key, l => new HeldStock(l.Value.OnHand, l.Value.Allocated)));

        var id = ShipStationIds.Shipment(sequence);
        var shipment = new WhShipment
        {
            ShipmentId = id,
            Sequence = sequence,
            WarehouseId = warehouse.WarehouseId,
            InventoryLocationId = location.InventoryLocationId,
            Status = ShipmentRules.Pending,
            ExternalShipmentId = s.ExternalShipmentId,
            ExternalOrderId = s.ExternalOrderId,
            ShipmentNumber = s.ShipmentNumber,
            CarrierId = s.CarrierId,
            ServiceCode = s.ServiceCode,
            ShipToJson = JsonSerializer.Serialize(s.ShipTo! with { AddressResidentialIndicator = s.ShipTo.AddressResidentialIndicator ?? "unknown" }, ShipStationJson.Options),
            WeightOunces = lines.Sum(l => l.Quantity) * ShipmentRules.OuncesPerUnit,
            CreatedAt = now,
            ModifiedAt = now,
        };
        for (var i = 0; i < lines.Count; i++)
        {
            shipment.Items.Add(new WhShipmentItem
            {
                ShipmentId = id,
                Index = i,
                Sku = lines[i].Sku,
                Name = s.Items![i].Name ?? products[lines[i].Sku.ToUpperInvariant()].Name,
                Quantity = lines[i].Quantity,
                Allocated = allocated[i],
            });
            if (allocated[i])
            {
                levels[lines[i].Sku].Allocated += lines[i].Quantity;
                levels[lines[i].Sku].UpdatedAt = now;
            }
        }
        db.Shipments.Add(shipment);
        return shipment;
    }
}

public sealed record CreateShipmentsResponse(bool HasErrors, IReadOnlyList<Shipment> Shipments);
