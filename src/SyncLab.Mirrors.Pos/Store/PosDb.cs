using Microsoft.EntityFrameworkCore;

namespace SyncLab.Mirrors.Pos.Store;

/// <summary>Everything the Square mirror knows; one database per mirror instance.</summary>
public sealed class PosDb(DbContextOptions<PosDb> options) : DbContext(options)
{
    public DbSet<PosLocation> Locations => Set<PosLocation>();

    public DbSet<PosCatalogEntry> Catalog => Set<PosCatalogEntry>();

    public DbSet<PosCount> Counts => Set<PosCount>();

    public DbSet<PosChange> Changes => Set<PosChange>();

    public DbSet<PosOrder> Orders => Set<PosOrder>();

    public DbSet<PosOrderLine> OrderLines => Set<PosOrderLine>();

    public DbSet<PosPayment> Payments => Set<PosPayment>();

    public DbSet<PosCustomer> Customers => Set<PosCustomer>();

    public DbSet<PosIdempotency> Idempotency => Set<PosIdempotency>();

    public DbSet<PosWebhookSubscription> WebhookSubscriptions => Set<PosWebhookSubscription>();

    public DbSet<PosWebhookDelivery> WebhookDeliveries => Set<PosWebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PosLocation>().HasKey(l => l.Id);
        modelBuilder.Entity<PosLocation>().HasIndex(l => l.Code).IsUnique();
        modelBuilder.Entity<PosCatalogEntry>().HasKey(c => c.ItemId);
        modelBuilder.Entity<PosCatalogEntry>().HasIndex(c => c.VariationId).IsUnique();
        modelBuilder.Entity<PosCatalogEntry>().HasIndex(c => c.SkuKey);
        modelBuilder.Entity<PosCatalogEntry>().HasIndex(c => c.Ordinal);
        modelBuilder.Entity<PosCount>().HasKey(c => new { c.CatalogObjectId, c.LocationId, c.State });
        modelBuilder.Entity<PosChange>().HasKey(c => c.Sequence);
        modelBuilder.Entity<PosChange>().Property(c => c.Sequence).ValueGeneratedNever();
        modelBuilder.Entity<PosOrder>().HasKey(o => o.Id);
        modelBuilder.Entity<PosOrderLine>().HasKey(l => new { l.OrderId, l.Index });
        modelBuilder.Entity<PosOrder>().HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        modelBuilder.Entity<PosPayment>().HasKey(p => p.Id);
        modelBuilder.Entity<PosCustomer>().HasKey(c => c.Id);
        modelBuilder.Entity<PosIdempotency>().HasKey(i => new { i.Operation, i.Key });
        modelBuilder.Entity<PosWebhookSubscription>().HasKey(s => s.Id);
        modelBuilder.Entity<PosWebhookDelivery>().HasKey(d => d.Sequence);
        modelBuilder.Entity<PosWebhookDelivery>().Property(d => d.Sequence).ValueGeneratedNever();
    }
}

public sealed class PosLocation
{
    public required string Id { get; init; }

    /// <summary>The estate's location code (ST01…): how SyncLab's business actions name a store.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string TimeZone { get; init; }

    public required string City { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Ordinal { get; init; }
}

/// <summary>One catalog ITEM and its single ITEM_VARIATION (the estate has one variation per SKU).</summary>
public sealed class PosCatalogEntry
{
    public required string ItemId { get; init; }

    public required string VariationId { get; init; }

    public required string Sku { get; init; }

    /// <summary>Upper-case SKU, so case-insensitive lookups translate on every store provider.</summary>
    public required string SkuKey { get; init; }

    public required string Name { get; set; }

    /// <summary>Upper-case "name sku upc" for text filters.</summary>
    public required string SearchText { get; set; }

    public string? Upc { get; init; }

    public required long PriceAmount { get; set; }

    public required string Currency { get; init; }

    public required long Version { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public int Ordinal { get; init; }

    /// <summary>Square's <c>item_data.is_archived</c>: an archived item is kept but no longer offered at the till.</summary>
    public bool IsArchived { get; set; }
}

/// <summary>The quantity of one variation in one inventory state at one location.</summary>
public sealed class PosCount
{
    public required string CatalogObjectId { get; init; }

    public required string LocationId { get; init; }

    public required string State { get; init; }

    public decimal Quantity { get; set; }

    public DateTimeOffset CalculatedAt { get; set; }

    /// <summary>UTC ticks of <see cref="CalculatedAt"/>: sortable on every provider.</summary>
    public long CalculatedTicks { get; set; }

    public int ItemOrdinal { get; init; }

    public int LocationOrdinal { get; init; }
}

/// <summary>An inventory change as recorded (ADJUSTMENT or PHYSICAL_COUNT).</summary>
public sealed class PosChange
{
    public long Sequence { get; init; }

    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? FromState { get; init; }

    public string? ToState { get; init; }

    /// <summary>The counted state of a PHYSICAL_COUNT.</summary>
    public string? State { get; init; }

    public required string LocationId { get; init; }

    public required string CatalogObjectId { get; init; }

    public decimal Quantity { get; init; }

    public string? ReferenceId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The payment that sold the goods, for IN_STOCK → SOLD adjustments made by a sale.</summary>
    public string? TransactionId { get; init; }

    public long? TotalPriceAmount { get; init; }

    public string? Currency { get; init; }
}
