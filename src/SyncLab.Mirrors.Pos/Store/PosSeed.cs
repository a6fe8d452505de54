using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Estate;

namespace SyncLab.Mirrors.Pos.Store;

/// <summary>The POS's own view of the estate: its stores, its sellable catalog, its shelf counts, its customer directory.</summary>
public sealed record PosSeed(
    string MerchantId, IReadOnlyList<PosLocation> Locations, IReadOnlyList<PosCatalogEntry> Catalog, IReadOnlyList<PosCount> Counts, IReadOnlyList<PosCustomer> Customers)
{
    public const string InStock = "IN_STOCK";

    /// <summary>Pure: the same estate always gives the same seed.</summary>
    public static PosSeed From(BusinessEstate estate)
    {
        var options = estate.Options;
        var currency = options.Currency;
        var opened = options.AsOf.AddYears(-3);
        var stores = estate.Locations.Where(l => l.Kind == LocationKind.Store).ToList();
        var locations = stores.Select((l, i) => new PosLocation
        {
            Id = SquareIds.Location(l.Code),
            Code = l.Code,
            Name = l.Name,
            TimeZone = l.TimeZone,
            City = l.City,
            Currency = currency,
            CreatedAt = opened.AddDays(i * 30),
            Ordinal = i,
        }).ToList();

        var catalog = new List<PosCatalogEntry>(estate.Items.Count);
        foreach (var item in estate.Items)
        {
            // Blocked items cannot be sold, so the till never learned about them.
            if (item.Blocked)
            {
                continue;
            }
            catalog.Add(new PosCatalogEntry
            {
                ItemId = SquareIds.Item(item.Sku),
                VariationId = SquareIds.Variation(item.Sku),
                Sku = item.Sku,
                SkuKey = item.Sku.ToUpperInvariant(),
                Name = item.Description,
                SearchText = SearchText(item.Description, item.Sku, item.Gtin),
                Upc = item.Gtin,
                PriceAmount = Cents(item.UnitPrice),
                Currency = currency,
                Version = item.CreatedAt.ToUnixTimeMilliseconds(),
                UpdatedAt = item.CreatedAt,
                Ordinal = catalog.Count,
            });
        }

        var stock = estate.Stock.ToDictionary(s => (s.Sku, s.LocationCode), s => s.Quantity);
        var counts = new List<PosCount>(catalog.Count * locations.Count);
        foreach (var entry in catalog)
        {
            foreach (var location in locations)
            {
                // The till never shows negative shelf stock: the ERP's negative legacy balances start at 0 here.
                var quantity = Math.Max(0, stock.GetValueOrDefault((entry.Sku, location.Code)));
                counts.Add(new PosCount
                {
                    CatalogObjectId = entry.VariationId,
                    LocationId = location.Id,
                    State = InStock,
                    Quantity = quantity,
                    CalculatedAt = options.AsOf,
                    CalculatedTicks = options.AsOf.UtcTicks,
                    ItemOrdinal = entry.Ordinal,
                    LocationOrdinal = location.Ordinal,
                });
            }
        }
        var customers = estate.Customers.Select((c, i) =>
        {
            var space = c.Name.IndexOf(' ', StringComparison.Ordinal);
            var joined = options.AsOf.AddDays(-30 * (estate.Customers.Count - i));
            return new PosCustomer
            {
                Id = SquareIds.Customer(c.Number),
                ReferenceId = c.Number,
                GivenName = space > 0 ? c.Name[..space] : c.Name,
                FamilyName = space > 0 ? c.Name[(space + 1)..] : null,
                EmailAddress = c.Email,
                PhoneNumber = c.Phone,
                AddressLine1 = c.Address,
                Locality = c.City,
                PostalCode = c.PostalCode,
                Country = c.Country,
                EmailUnsubscribed = !c.AcceptsMarketing,
                CreatedAt = joined,
                CreatedTicks = joined.UtcTicks,
                Ordinal = i,
            };
        }).ToList();
        return new PosSeed(MerchantOf(estate), locations, catalog, counts, customers);
    }

    public static string MerchantOf(BusinessEstate estate) => SquareIds.Merchant(estate.Options.Seed.ToString(CultureInfo.InvariantCulture));

    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static string SearchText(string name, string sku, string? upc) =>
        $"{name} {sku} {upc}".ToUpperInvariant();

    /// <summary>Loads the seed into an empty store; a store that already has data (SQLite, PostgreSQL after a restart) is kept.</summary>
    public async Task ApplyAsync(PosDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (await db.Locations.AnyAsync(cancellationToken))
        {
            return;
        }
        await AddAsync(db, cancellationToken);
    }

    /// <summary>Drops everything the mirror learned since and loads the seed again.</summary>
    public async Task ResetAsync(PosDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsInMemory())
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
        else
        {
            await db.WebhookDeliveries.ExecuteDeleteAsync(cancellationToken);
            await db.WebhookSubscriptions.ExecuteDeleteAsync(cancellationToken);
            await db.Idempotency.ExecuteDeleteAsync(cancellationToken);
            await db.Payments.ExecuteDeleteAsync(cancellationToken);
            await db.Customers.ExecuteDeleteAsync(cancellationToken);
            await db.OrderLines.ExecuteDeleteAsync(cancellationToken);
            await db.Orders.ExecuteDeleteAsync(cancellationToken);
            await db.Changes.ExecuteDeleteAsync(cancellationToken);
            await db.Counts.ExecuteDeleteAsync(cancellationToken);
            await db.Catalog.ExecuteDeleteAsync(cancellationToken);
            await db.Locations.ExecuteDeleteAsync(cancellationToken);
        }
        await AddAsync(db, cancellationToken);
    }

    // Rows are tracked as they are: build a fresh seed (From) for every Apply or Reset.
    private async Task AddAsync(PosDb db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Locations.AddRange(Locations);
        db.Catalog.AddRange(Catalog);
        db.Counts.AddRange(Counts);
        db.Customers.AddRange(Customers);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
