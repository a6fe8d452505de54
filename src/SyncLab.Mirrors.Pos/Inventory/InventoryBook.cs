using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Pos.Webhooks;

namespace SyncLab.Mirrors.Pos.Inventory;

/// <summary>A change to stock that has been validated: what the till (or an API client) says happened.</summary>
public abstract record StockMovement(string CatalogObjectId, string LocationId, decimal Quantity, DateTimeOffset OccurredAt, string? ReferenceId);

/// <summary>Moves <see cref="StockMovement.Quantity"/> from one state to another (a sale is IN_STOCK → SOLD).</summary>
public sealed record AdjustStock(
    string CatalogObjectId, string LocationId, decimal Quantity, DateTimeOffset OccurredAt, string? ReferenceId,
    string FromState, string ToState, string? TransactionId = null, long? TotalPriceAmount = null, string? Currency = null)
    : StockMovement(CatalogObjectId, LocationId, Quantity, OccurredAt, ReferenceId);

/// <summary>Sets the quantity in <paramref name="State"/> to what was counted.</summary>
public sealed record CountStock(string CatalogObjectId, string LocationId, decimal Quantity, DateTimeOffset OccurredAt, string? ReferenceId, string State)
    : StockMovement(CatalogObjectId, LocationId, Quantity, OccurredAt, ReferenceId);

/// <summary>What applying movements did: the changes recorded, every count of the objects involved, and the counts that changed.</summary>
public sealed record StockOutcome(IReadOnlyList<PosChange> Changes, IReadOnlyList<PosCount> Counts, IReadOnlyList<PosCount> Updated);

/// <summary>Applies stock movements to the counts, records them as changes and queues <c>inventory.count.updated</c>. Call under the write gate; the caller saves.</summary>
public static class InventoryBook
{
    public static async Task<StockOutcome> ApplyAsync(
        PosDb db, string merchantId, IReadOnlyList<StockMovement> movements, bool ignoreUnchangedCounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var objectIds = movements.Select(m => m.CatalogObjectId).Distinct().ToList();
        var locationIds = movements.Select(m => m.LocationId).Distinct().ToList();
        var existing = await db.Counts
            .Where(c => objectIds.Contains(c.CatalogObjectId) && locationIds.Contains(c.LocationId))
            .ToListAsync(cancellationToken);
        var counts = existing.ToDictionary(c => (c.CatalogObjectId, c.LocationId, c.State));
        var ordinals = await db.Catalog.Where(c => objectIds.Contains(c.VariationId)).ToDictionaryAsync(c => c.VariationId, c => c.Ordinal, cancellationToken);
        var locationOrdinals = await db.Locations.Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Ordinal, cancellationToken);
        var sequence = await db.Changes.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;

        PosCount Count(string objectId, string locationId, string state)
        {
            if (!counts.TryGetValue((objectId, locationId, state), out var count))
            {
                count = new PosCount
                {
                    CatalogObjectId = objectId,
                    LocationId = locationId,
                    State = state,
                    ItemOrdinal = ordinals.GetValueOrDefault(objectId),
                    LocationOrdinal = locationOrdinals.GetValueOrDefault(locationId),
                };
                counts[(objectId, locationId, state)] = count;
                db.Counts.Add(count);
            }
            return count;
        }

        var changes = new List<PosChange>();
        var updated = new List<PosCount>();
        void Set(PosCount count, decimal quantity)
        {
            count.Quantity = quantity;
            count.CalculatedAt = now;
            count.CalculatedTicks = now.UtcTicks;
            if (!updated.Contains(count))
            {
                updated.Add(count);
            }
        }

        foreach (var movement in movements)
        {
            switch (movement)
            {
                case AdjustStock adjust:
                    if (InventoryStates.IsTracked(adjust.FromState))
                    {
                        var from = Count(adjust.CatalogObjectId, adjust.LocationId, adjust.FromState);
                        // Square lets a count go negative (selling what the books say is not there).
                        Set(from, from.Quantity - adjust.Quantity);
                    }
                    if (InventoryStates.IsTracked(adjust.ToState))
                    {
                        var to = Count(adjust.CatalogObjectId, adjust.LocationId, adjust.ToState);
                        Set(to, to.Quantity + adjust.Quantity);
                    }
                    changes.Add(new PosChange
                    {
                        Sequence = ++sequence, Id = SquareIds.Change(sequence), Type = InventoryStates.Adjustment,
                        FromState = adjust.FromState, ToState = adjust.ToState, LocationId = adjust.LocationId, CatalogObjectId = adjust.CatalogObjectId,
                        Quantity = adjust.Quantity, ReferenceId = adjust.ReferenceId, OccurredAt = adjust.OccurredAt, CreatedAt = now,
                        TransactionId = adjust.TransactionId, TotalPriceAmount = adjust.TotalPriceAmount, Currency = adjust.Currency,
                    });
                    break;
                case CountStock count:
                    var current = Count(count.CatalogObjectId, count.LocationId, count.State);
                    if (ignoreUnchangedCounts && current.Quantity == count.Quantity)
                    {
                        continue;
                    }
                    Set(current, count.Quantity);
                    changes.Add(new PosChange
                    {
                        Sequence = ++sequence, Id = SquareIds.Change(sequence), Type = InventoryStates.PhysicalCount, State = count.State,
                        LocationId = count.LocationId, CatalogObjectId = count.CatalogObjectId, Quantity = count.Quantity,
                        ReferenceId = count.ReferenceId, OccurredAt = count.OccurredAt, CreatedAt = now,
                    });
                    break;
            }
        }
        db.Changes.AddRange(changes);
        await WebhookOutbox.EnqueueCountUpdatesAsync(db, merchantId, updated, sequence, now, cancellationToken);
        var referenced = counts.Values
            .Where(c => movements.Any(m => m.CatalogObjectId == c.CatalogObjectId && m.LocationId == c.LocationId))
            .OrderBy(c => c.ItemOrdinal).ThenBy(c => c.LocationOrdinal).ThenBy(c => c.State, StringComparer.Ordinal)
            .ToList();
        return new StockOutcome(changes, referenced, updated);
    }
}
