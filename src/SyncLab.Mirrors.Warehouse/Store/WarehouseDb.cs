using Microsoft.EntityFrameworkCore;

namespace SyncLab.Mirrors.Warehouse.Store;

/// <summary>Everything the ShipStation mirror knows; one database per mirror instance.</summary>
public sealed class WarehouseDb(DbContextOptions<WarehouseDb> options) : DbContext(options)
{
    public DbSet<WhWarehouse> Warehouses => Set<WhWarehouse>();

    public DbSet<WhLocation> Locations => Set<WhLocation>();

    public DbSet<WhProduct> Products => Set<WhProduct>();

    public DbSet<WhLevel> Levels => Set<WhLevel>();

    public DbSet<WhTransaction> Transactions => Set<WhTransaction>();

    public DbSet<WhShipment> Shipments => Set<WhShipment>();

    public DbSet<WhShipmentItem> ShipmentItems => Set<WhShipmentItem>();

    public DbSet<WhWebhook> Webhooks => Set<WhWebhook>();

    public DbSet<WhWebhookDelivery> WebhookDeliveries => Set<WhWebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WhWarehouse>().HasKey(w => w.WarehouseId);
        modelBuilder.Entity<WhWarehouse>().HasIndex(w => w.InventoryWarehouseId).IsUnique();
        modelBuilder.Entity<WhWarehouse>().HasIndex(w => w.Code).IsUnique();
        modelBuilder.Entity<WhLocation>().HasKey(l => l.InventoryLocationId);
        modelBuilder.Entity<WhProduct>().HasKey(p => p.ProductId);
        modelBuilder.Entity<WhProduct>().Property(p => p.ProductId).ValueGeneratedNever();
        modelBuilder.Entity<WhProduct>().HasIndex(p => p.SkuKey).IsUnique();
        modelBuilder.Entity<WhProduct>().HasIndex(p => p.Ordinal);
        modelBuilder.Entity<WhLevel>().HasKey(l => new { l.Sku, l.InventoryLocationId });
        modelBuilder.Entity<WhTransaction>().HasKey(t => t.Sequence);
        modelBuilder.Entity<WhTransaction>().Property(t => t.Sequence).ValueGeneratedNever();
        modelBuilder.Entity<WhShipment>().HasKey(s => s.ShipmentId);
        modelBuilder.Entity<WhShipment>().HasMany(s => s.Items).WithOne().HasForeignKey(i => i.ShipmentId);
        modelBuilder.Entity<WhShipmentItem>().HasKey(i => new { i.ShipmentId, i.Index });
        WhWebhookDelivery.Configure(modelBuilder);
    }
}

public sealed class WhWarehouse
{
    /// <summary>The shipping warehouse id (<c>/v2/warehouses</c>), a <c>se-</c> id.</summary>
    public required string WarehouseId { get; init; }

    /// <summary>The inventory warehouse id (<c>/v2/inventory_warehouses</c>).</summary>
    public required string InventoryWarehouseId { get; init; }

    /// <summary>The estate's location code (WH01…): how SyncLab's business actions name a warehouse.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string City { get; init; }

    public bool IsDefault { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Ordinal { get; init; }
}

public sealed class WhLocation
{
    public required string InventoryLocationId { get; init; }

    public required string InventoryWarehouseId { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Ordinal { get; init; }
}

public sealed class WhProduct
{
    public int ProductId { get; init; }

    public required string Sku { get; init; }

    /// <summary>Upper-case SKU, so case-insensitive lookups translate on every store provider.</summary>
    public required string SkuKey { get; init; }

    public required string Name { get; init; }

    /// <summary>Upper-case name for case-insensitive name filters.</summary>
    public required string NameKey { get; init; }

    public string? Upc { get; init; }

    public decimal Price { get; init; }

    public decimal Cost { get; init; }

    public required string Currency { get; init; }

    public string? Category { get; init; }

    public int? CategoryId { get; init; }

    public bool Active { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Ordinal { get; init; }
}

/// <summary>Stock of one SKU at one inventory location.</summary>
public sealed class WhLevel
{
    public required string Sku { get; init; }

    public required string InventoryLocationId { get; init; }

    public required string InventoryWarehouseId { get; init; }

    public int OnHand { get; set; }

    public int Allocated { get; set; }

    public decimal AverageCost { get; set; }

    public int ProductOrdinal { get; init; }

    public int LocationOrdinal { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One applied inventory transaction (what <c>POST /v2/inventory</c> or a business action did).</summary>
public sealed class WhTransaction
{
    public long Sequence { get; init; }

    public required string TransactionType { get; init; }

    public required string Sku { get; init; }

    public required string InventoryLocationId { get; init; }

    public int Quantity { get; init; }

    public int OnHandBefore { get; init; }

    public int OnHandAfter { get; init; }

    public string? Reason { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset At { get; init; }
}
