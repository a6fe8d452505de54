using Microsoft.EntityFrameworkCore;
using SyncLab.Estate;

namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>Applies the estate's seed plan to an empty store (a durable store that already holds a shop is left alone).</summary>
public static class StorefrontSeeder
{
    public static void EnsureSeeded(StorefrontDb db, BusinessEstate estate)
    {
        db.Database.EnsureCreated();
        if (db.Products.Any())
        {
            return;
        }
        Apply(db, EstateSeed.Plan(estate));
    }

    /// <summary>Drops everything (webhook subscriptions and deliveries included) and seeds again.</summary>
    public static void Reset(StorefrontDb db, BusinessEstate estate)
    {
        db.Database.EnsureDeleted();
        db.Database.EnsureCreated();
        Apply(db, EstateSeed.Plan(estate));
    }

    private static void Apply(StorefrontDb db, SeedPlan plan)
    {
        // Tens of thousands of rows: skip per-entity change detection, the rows are all new.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var transaction = db.Database.IsRelational() ? db.Database.BeginTransaction() : null;
        db.Locations.AddRange(plan.Locations);
        db.Products.AddRange(plan.Products);
        db.Variants.AddRange(plan.Variants);
        db.InventoryLevels.AddRange(plan.Levels);
        // The context is cleared right after, so skip accepting the changes entity by entity.
        db.SaveChanges(acceptAllChangesOnSuccess: false);
        transaction?.Commit();
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
