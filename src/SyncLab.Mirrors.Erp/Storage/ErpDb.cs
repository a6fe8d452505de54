using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>The ERP's company database: one per mirror instance (<c>erp-{instance}</c>).</summary>
internal sealed class ErpDb(DbContextOptions<ErpDb> options) : DbContext(options)
{
    public DbSet<ItemRecord> Items => Set<ItemRecord>();

    public DbSet<Tax.SalesTaxRateRecord> SalesTaxRates => Set<Tax.SalesTaxRateRecord>();

    public DbSet<LocationRecord> Locations => Set<LocationRecord>();

    public DbSet<CustomerRecord> Customers => Set<CustomerRecord>();

    public DbSet<ItemLedgerEntryRecord> ItemLedgerEntries => Set<ItemLedgerEntryRecord>();

    public DbSet<SalesOrderRecord> SalesOrders => Set<SalesOrderRecord>();

    public DbSet<SalesOrderLineRecord> SalesOrderLines => Set<SalesOrderLineRecord>();

    public DbSet<SalesDocumentRecord> SalesDocuments => Set<SalesDocumentRecord>();

    public DbSet<SalesDocumentLineRecord> SalesDocumentLines => Set<SalesDocumentLineRecord>();

    public DbSet<NumberSeriesRecord> NumberSeries => Set<NumberSeriesRecord>();

    public DbSet<PriceListRecord> PriceLists => Set<PriceListRecord>();

    public DbSet<PriceListLineRecord> PriceListLines => Set<PriceListLineRecord>();

    public DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no decimal or DateTimeOffset type that compares and sorts; OData filters and
            // key-set paging need both. Money here has at most 4 decimals, which a double keeps exactly
            // enough to round-trip; instants are all UTC, so their binary form sorts in time order.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ItemRecord>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => i.Seq).IsUnique();
            e.HasIndex(i => i.NumberKey).IsUnique();
            e.HasIndex(i => i.Number);
            e.HasIndex(i => i.LastModifiedDateTime);
        });
        modelBuilder.Entity<LocationRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.Code).IsUnique();
        });
        modelBuilder.Entity<CustomerRecord>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.Number).IsUnique();
            e.HasIndex(c => c.EmailKey);
        });
        modelBuilder.Entity<ItemLedgerEntryRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.Seq).IsUnique();
        });
        modelBuilder.Entity<SalesOrderRecord>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.Number).IsUnique();
            e.HasIndex(o => o.ExternalDocumentNumber);
            e.OwnsOne(o => o.ShipTo);
        });
        modelBuilder.Entity<SalesOrderLineRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.DocumentId);
        });
        modelBuilder.Entity<SalesDocumentRecord>(e =>
        {
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.DocumentType, d.Number }).IsUnique();
            e.HasIndex(d => d.ExternalDocumentNumber);
            e.HasIndex(d => d.OrderNumber);
            e.OwnsOne(d => d.ShipTo);
        });
        modelBuilder.Entity<SalesDocumentLineRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.DocumentId);
        });
        modelBuilder.Entity<NumberSeriesRecord>(e => e.HasKey(s => new { s.Code, s.StartingDate }));
        modelBuilder.Entity<PriceListRecord>(e =>
        {
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.Code).IsUnique();
        });
        modelBuilder.Entity<PriceListLineRecord>(e =>
        {
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.PriceListId);
        });
        modelBuilder.Entity<SubscriptionRecord>(e => e.HasKey(s => s.SubscriptionId));
        modelBuilder.Entity<Tax.SalesTaxRateRecord>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.EffectiveDate).IsUnique();
        });
    }
}
