using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>The shop's state: products, variants (each with its inventory item), locations, levels, webhooks.</summary>
public sealed class StorefrontDb(DbContextOptions<StorefrontDb> options) : DbContext(options)
{
    public DbSet<ProductRecord> Products => Set<ProductRecord>();

    public DbSet<VariantRecord> Variants => Set<VariantRecord>();

    public DbSet<LocationRecord> Locations => Set<LocationRecord>();

    public DbSet<InventoryLevelRecord> InventoryLevels => Set<InventoryLevelRecord>();

    public DbSet<WebhookSubscriptionRecord> WebhookSubscriptions => Set<WebhookSubscriptionRecord>();

    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC ticks so that every provider (SQLite included) can order and compare instants.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProductRecord>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasIndex(p => p.Handle).IsUnique();
        });
        modelBuilder.Entity<VariantRecord>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.HasIndex(v => v.Sku);
            e.HasIndex(v => v.ProductId);
            e.HasIndex(v => v.InventoryItemId).IsUnique();
        });
        modelBuilder.Entity<LocationRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<InventoryLevelRecord>(e =>
        {
            e.HasKey(l => new { l.InventoryItemId, l.LocationId });
        });
        modelBuilder.Entity<WebhookSubscriptionRecord>(e =>
        {
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedOnAdd();
        });
        modelBuilder.Entity<WebhookDeliveryRecord>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedOnAdd();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
