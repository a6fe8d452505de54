using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.Shipments;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Operations;

/// <summary>
/// <c>POST /_synclab/warehouse/shipments/{shipment_id}/split</c>: the warehouse staff split a pending shipment
/// (ShipStation's Split Ship, e.g. one line is backordered): the units named move to a new pending shipment of
/// the same order (same <c>external_order_id</c>, <c>shipment_number</c>, address and carrier) whose
/// <c>external_shipment_id</c> ShipStation fills with its own id, since that key is unique per account; the rest
/// stay on the original. Allocated units stay allocated.
/// </summary>
public static class SplitShipment
{
    public static void Map(RouteGroupBuilder warehouse) => warehouse.MapPost("/shipments/{shipment_id}/split", HandleAsync);

    public static async Task<Results<Ok<ShipmentSplit>, ProblemHttpResult>> HandleAsync(
        [FromRoute(Name = "shipment_id")] string shipmentId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await WarehouseOperations.ReadAsync<SplitRequest>(request, "warehouse-split-invalid", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var (split, problem) = await SplitAsync(db, shipmentId, body!.Items, clock.GetUtcNow(), ledger, request.Path, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(split!);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Splits <paramref name="take"/> off a pending shipment (not saved: the caller saves); answers what is where, or why not.</summary>
    public static async Task<(ShipmentSplit? Split, ProblemHttpResult? Problem)> SplitAsync(
        WarehouseDb db, string shipmentId, IReadOnlyList<ParcelLine>? take, DateTimeOffset now, MirrorLedger ledger, PathString path, CancellationToken cancellationToken)
    {
        var original = await db.Shipments.Include(s => s.Items).FirstOrDefaultAsync(s => s.ShipmentId == shipmentId, cancellationToken);
        if (original is null)
        {
            return (null, AdminApi.Problem("warehouse-shipment-unknown", "No such shipment", $"ShipStation has no shipment '{shipmentId}'.", StatusCodes.Status404NotFound));
        }
        if (original.Status != ShipmentRules.Pending)
        {
            return (null, AdminApi.Problem("warehouse-split-refused", "Only a pending shipment can be split",
                $"Shipment '{shipmentId}' is {original.Status}; ShipStation splits shipments before their label only.", StatusCodes.Status409Conflict));
        }
        var lines = original.Items.OrderBy(i => i.Index).Select(i => new ShipmentLine(i.Sku, i.Name, i.Quantity, i.Allocated)).ToList();
        var (remaining, moved, refused) = ShipmentRules.Split(lines, (take ?? []).Select(t => (t.Sku ?? string.Empty, t.Quantity)).ToList());
        if (refused is not null)
        {
            return (null, AdminApi.Problem("warehouse-split-invalid", "The split is not possible", $"Shipment '{shipmentId}': {refused}."));
        }

        var items = original.Items.OrderBy(i => i.Index).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Quantity = remaining![i].Quantity;
            if (items[i].Quantity == 0)
            {
                // A line moved whole leaves the original (its index stays unused: lines keep their order).
                original.Items.Remove(items[i]);
                db.ShipmentItems.Remove(items[i]);
            }
        }
        remaining = remaining!.Where(l => l.Quantity > 0).ToList();
        original.WeightOunces = remaining.Sum(l => l.Quantity) * ShipmentRules.OuncesPerUnit;
        original.ModifiedAt = now;

        var sequence = (await db.Shipments.MaxAsync(s => (long?)s.Sequence, cancellationToken) ?? 0) + 1;
        var id = ShipStationIds.Shipment(sequence);
        var split = new WhShipment
        {
            ShipmentId = id,
            Sequence = sequence,
            WarehouseId = original.WarehouseId,
            InventoryLocationId = original.InventoryLocationId,
            Status = ShipmentRules.Pending,
            ExternalShipmentId = id,
            ExternalOrderId = original.ExternalOrderId,
            ShipmentNumber = original.ShipmentNumber ?? original.ExternalShipmentId,
            CarrierId = original.CarrierId,
            ServiceCode = original.ServiceCode,
            ShipToJson = original.ShipToJson,
            WeightOunces = moved!.Sum(l => l.Quantity) * ShipmentRules.OuncesPerUnit,
            CreatedAt = now,
            ModifiedAt = now,
        };
        for (var i = 0; i < moved!.Count; i++)
        {
            split.Items.Add(new WhShipmentItem
            {
                ShipmentId = id, Index = i, Sku = moved[i].Sku, Name = moved[i].Name, Quantity = moved[i].Quantity, Allocated = moved[i].Allocated,
            });
        }
        db.Shipments.Add(split);
        ledger.RecordEffect(
            $"shipment {original.ShipmentId} split: {Describe(moved)} moved to new shipment {id}; {Describe(remaining)} stay", path);
        return (new ShipmentSplit(original.ShipmentId, id, View(remaining), View(moved)), null);
    }

    private static string Describe(IEnumerable<ShipmentLine> lines) => string.Join(", ", lines.Select(l => $"{l.Sku} x{l.Quantity}"));

    private static IReadOnlyList<ParcelLine> View(IEnumerable<ShipmentLine> lines) => lines.Select(l => new ParcelLine(l.Sku, l.Quantity)).ToList();
}

public sealed record ParcelLine(string? Sku, int Quantity);

public sealed record SplitRequest(IReadOnlyList<ParcelLine>? Items);

/// <summary>What a split left where: the original shipment's lines and the new one's.</summary>
public sealed record ShipmentSplit(string ShipmentId, string NewShipmentId, IReadOnlyList<ParcelLine> Remaining, IReadOnlyList<ParcelLine> Moved);
