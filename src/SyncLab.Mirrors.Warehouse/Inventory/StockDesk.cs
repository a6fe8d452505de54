using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Inventory;

/// <summary>Applies a stock transaction: loads what <see cref="StockRules"/> needs, decides, writes levels and the transaction. Call under the write gate.</summary>
public static class StockDesk
{
    public static async Task<(IReadOnlyList<StockEffect>? Effects, ShipStationFailure? Failure)> ApplyAsync(
        WarehouseDb db, StockTransaction t, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (StockRules.Validate(t) is { } invalid)
        {
            return (null, invalid);
        }
        var key = t.Sku!.Trim().ToUpperInvariant();
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.SkuKey == key, cancellationToken);
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.InventoryLocationId == t.InventoryLocationId, cancellationToken);
        var newLocation = t.NewInventoryLocationId is { } newId
            ? await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.InventoryLocationId == newId, cancellationToken)
            : null;
        var sku = product?.Sku ?? t.Sku;
        var level = await db.Levels.FirstOrDefaultAsync(l => l.Sku == sku && l.InventoryLocationId == t.InventoryLocationId, cancellationToken);
        var newLevel = newLocation is null ? null : await db.Levels.FirstOrDefaultAsync(l => l.Sku == sku && l.InventoryLocationId == newLocation.InventoryLocationId, cancellationToken);

        var (effects, failure) = StockRules.Decide(t, new StockContext(product, location, level, newLocation, newLevel));
        if (failure is not null)
        {
            return (null, failure);
        }
        var sequence = await db.Transactions.MaxAsync(x => (long?)x.Sequence, cancellationToken) ?? 0;
        var locationOrdinals = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.InventoryLocationId, l => l.Ordinal, cancellationToken);
        foreach (var effect in effects!)
        {
            var row = effect.InventoryLocationId == level?.InventoryLocationId ? level
                : effect.InventoryLocationId == newLevel?.InventoryLocationId ? newLevel
                : null;
            if (row is null)
            {
                row = new WhLevel
                {
                    Sku = effect.Sku,
                    InventoryLocationId = effect.InventoryLocationId,
                    InventoryWarehouseId = effect.InventoryWarehouseId,
                    ProductOrdinal = product!.Ordinal,
                    LocationOrdinal = locationOrdinals.GetValueOrDefault(effect.InventoryLocationId),
                };
                db.Levels.Add(row);
            }
            row.OnHand = effect.OnHandAfter;
            row.AverageCost = effect.AverageCost;
            row.UpdatedAt = now;
            db.Transactions.Add(new WhTransaction
            {
                Sequence = ++sequence,
                TransactionType = t.TransactionType!,
                Sku = effect.Sku,
                InventoryLocationId = effect.InventoryLocationId,
                Quantity = t.Quantity!.Value,
                OnHandBefore = effect.OnHandBefore,
                OnHandAfter = effect.OnHandAfter,
                Reason = t.Reason,
                Notes = t.Notes,
                At = t.EffectiveAt?.ToUniversalTime() ?? now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return (effects, null);
    }

    public static string Describe(StockTransaction t, StockEffect e) =>
        $"inventory {t.TransactionType} {e.Sku} at {e.InventoryLocationId}: on_hand {e.OnHandBefore}→{e.OnHandAfter}" + (t.Reason is { } reason ? $" ({reason})" : string.Empty);
}
