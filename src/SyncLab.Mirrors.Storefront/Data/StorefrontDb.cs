using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>The shop's state: products, variants (each with its inventory item), locations, levels, customers, orders, webhooks.</summary>
public sealed class StorefrontDb(DbContextOptions<StorefrontDb> options) : DbContext(options)
{
    public DbSet<ProductRecord> Products => Set<ProductRecord>();

    public DbSet<VariantRecord> Variants => Set<VariantRecord>();

    public DbSet<LocationRecord> Locations => Set<LocationRecord>();

    public DbSet<InventoryLevelRecord> InventoryLevels => Set<InventoryLevelRecord>();

    public DbSet<CustomerRecord> Customers => Set<CustomerRecord>();

    public DbSet<AddressRecord> Addresses => Set<AddressRecord>();

    public DbSet<OrderRecord> Orders => Set<OrderRecord>();

    public DbSet<OrderLineRecord> OrderLines => Set<OrderLineRecord>();

    public DbSet<FulfillmentOrderRecord> FulfillmentOrders => Set<FulfillmentOrderRecord>();

    public DbSet<FulfillmentOrderLineRecord> FulfillmentOrderLines => Set<FulfillmentOrderLineRecord>();

    public DbSet<FulfillmentRecord> Fulfillments => Set<FulfillmentRecord>();

    public DbSet<FulfillmentLineRecord> FulfillmentLines => Set<FulfillmentLineRecord>();

    public DbSet<RefundRecord> Refunds => Set<RefundRecord>();

    public DbSet<RefundLineRecord> RefundLines => Set<RefundLineRecord>();

    public DbSet<TransactionRecord> Transactions => Set<TransactionRecord>();

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
            e.HasIndex(v => v.SkuKey);
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
        modelBuilder.Entity<CustomerRecord>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => c.Email).IsUnique();
        });
        modelBuilder.Entity<AddressRecord>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasIndex(a => a.CustomerId);
            e.Ignore(a => a.Name);
        });
        modelBuilder.Entity<OrderRecord>(e =>
        {
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.HasIndex(o => o.Number).IsUnique();
            e.HasIndex(o => o.Token).IsUnique();
            e.HasIndex(o => o.SourceIdentifier);
            e.HasIndex(o => o.UpdatedAt);
            e.HasIndex(o => o.CustomerId);
        });
        modelBuilder.Entity<OrderLineRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.HasIndex(l => l.OrderId);
            e.Ignore(l => l.CurrentQuantity);
            e.Ignore(l => l.UnfulfilledQuantity);
        });
        modelBuilder.Entity<FulfillmentOrderRecord>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
            e.HasIndex(f => f.OrderId);
        });
        modelBuilder.Entity<FulfillmentOrderLineRecord>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
            e.HasIndex(f => f.FulfillmentOrderId);
        });
        modelBuilder.Entity<FulfillmentRecord>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
            e.HasIndex(f => f.OrderId);
        });
        modelBuilder.Entity<FulfillmentLineRecord>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
            e.HasIndex(f => f.FulfillmentId);
        });
        modelBuilder.Entity<RefundRecord>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => r.OrderId);
        });
        modelBuilder.Entity<RefundLineRecord>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => r.RefundId);
        });
        modelBuilder.Entity<TransactionRecord>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.HasIndex(t => t.OrderId);
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
