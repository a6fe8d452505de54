using Microsoft.EntityFrameworkCore;
using SyncLab.Estate;

namespace SyncLab.Mirrors.Warehouse.Store;

/// <summary>The warehouse's own view of the estate: its warehouses, one bin location each, every product and its stock.</summary>
public sealed record WarehouseSeed(IReadOnlyList<WhWarehouse> Warehouses, IReadOnlyList<WhLocation> Locations, IReadOnlyList<WhProduct> Products, IReadOnlyList<WhLevel> Levels)
{
    /// <summary>Pure: the same estate always gives the same seed. Build a fresh one for every Apply or Reset (rows are tracked as they are).</summary>
    public static WarehouseSeed From(BusinessEstate estate, string locationName)
    {
        var options = estate.Options;
        var opened = options.AsOf.AddYears(-5);
        var sites = estate.Locations.Where(l => l.Kind == LocationKind.Warehouse).ToList();
        var warehouses = sites.Select((l, i) => new WhWarehouse
        {
            WarehouseId = ShipStationIds.Warehouse(i),
            InventoryWarehouseId = ShipStationIds.InventoryWarehouse(i),
            Code = l.Code,
            Name = l.Name,
            City = l.City,
            IsDefault = i == 0,
            CreatedAt = opened.AddDays(i * 30),
            Ordinal = i,
        }).ToList();
        var locations = warehouses.Select((w, i) => new WhLocation
        {
            InventoryLocationId = ShipStationIds.InventoryLocation(i),
            InventoryWarehouseId = w.InventoryWarehouseId,
            Name = locationName,
            CreatedAt = w.CreatedAt,
            Ordinal = i,
        }).ToList();
        var categories = estate.Items.Select(i => i.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((c, i) => (c, i)).ToDictionary(x => x.c, x => 26000 + x.i, StringComparer.Ordinal);
        var products = estate.Items.Select((item, i) => new WhProduct
        {
            ProductId = ShipStationIds.Product(i),
            Sku = item.Sku,
            SkuKey = item.Sku.ToUpperInvariant(),
            Name = item.Description,
            NameKey = item.Description.ToUpperInvariant(),
            Upc = item.Gtin,
            Price = item.UnitPrice,
            Cost = item.UnitCost,
            Currency = options.Currency.ToLowerInvariant(),
            Category = item.Category,
            CategoryId = categories[item.Category],
            Active = !item.Blocked,
            CreatedAt = item.CreatedAt,
            Ordinal = i,
        }).ToList();

        var stock = estate.Stock.ToDictionary(s => (s.Sku, s.LocationCode), s => s.Quantity);
        var levels = new List<WhLevel>(products.Count * warehouses.Count);
        foreach (var product in products)
        {
            for (var w = 0; w < warehouses.Count; w++)
            {
                levels.Add(new WhLevel
                {
                    Sku = product.Sku,
                    InventoryLocationId = locations[w].InventoryLocationId,
                    InventoryWarehouseId = warehouses[w].InventoryWarehouseId,
                    // ShipStation cannot hold negative stock: the ERP's negative legacy balances start at 0 here.
                    OnHand = Math.Max(0, stock.GetValueOrDefault((product.Sku, warehouses[w].Code))),
                    Allocated = 0,
                    AverageCost = product.Cost,
                    ProductOrdinal = product.Ordinal,
                    LocationOrdinal = w,
                    UpdatedAt = options.AsOf,
                });
            }
        }
        return new WarehouseSeed(warehouses, locations, products, levels);
    }

    /// <summary>Loads the seed into an empty store; a store that already has data (SQLite, PostgreSQL after a restart) is kept.</summary>
    public async Task ApplyAsync(WarehouseDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (await db.Warehouses.AnyAsync(cancellationToken))
        {
            return;
        }
        await AddAsync(db, cancellationToken);
    }

    /// <summary>Drops everything the mirror learned since and loads the seed again.</summary>
    public async Task ResetAsync(WarehouseDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsInMemory())
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
        else
        {
            await db.WebhookDeliveries.ExecuteDeleteAsync(cancellationToken);
            await db.Webhooks.ExecuteDeleteAsync(cancellationToken);
            await db.ShipmentItems.ExecuteDeleteAsync(cancellationToken);
            await db.Shipments.ExecuteDeleteAsync(cancellationToken);
            await db.Transactions.ExecuteDeleteAsync(cancellationToken);
            await db.Levels.ExecuteDeleteAsync(cancellationToken);
            await db.Products.ExecuteDeleteAsync(cancellationToken);
            await db.Locations.ExecuteDeleteAsync(cancellationToken);
            await db.Warehouses.ExecuteDeleteAsync(cancellationToken);
        }
        await AddAsync(db, cancellationToken);
    }

    private async Task AddAsync(WarehouseDb db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Warehouses.AddRange(Warehouses);
        db.Locations.AddRange(Locations);
        db.Products.AddRange(Products);
        db.Levels.AddRange(Levels);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
