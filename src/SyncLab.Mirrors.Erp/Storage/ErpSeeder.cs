using SyncLab.Estate;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>
/// Loads the ERP's view of the estate into an empty company database: items with their legacy quirks
/// untouched (drifted numbers, brand in Description 2 before the upgrade, negative stock), locations,
/// customers (with their marketing consent and price group), the number series and the current web price
/// list. A database that already has items (SQLite or PostgreSQL
/// after a restart) is left as it is.
/// </summary>
internal static class ErpSeeder
{
    private const string TaxGroup = "TAXABLE";
    private const string GeneralProductPostingGroup = "RETAIL";
    private const string InventoryPostingGroup = "RESALE";

    public static void Seed(ErpDb db, BusinessEstate estate, ErpCompany company)
    {
        db.Database.EnsureCreated();
        if (db.Items.Any())
        {
            return;
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var seed = estate.Options.Seed;
        var ids = new Dictionary<(string, string), Guid>();
        Guid Id(string kind, string key) =>
            ids.TryGetValue((kind, key), out var id) ? id : ids[(kind, key)] = StableIds.For(seed, kind, key);
        var inventory = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var level in estate.Stock)
        {
            inventory[level.Sku] = inventory.GetValueOrDefault(level.Sku) + level.Quantity;
        }

        var items = estate.Items.Select((item, index) => new ItemRecord
        {
            Id = StableIds.For(seed, "item", item.Number.Trim().ToUpperInvariant()),
            Seq = index + 1,
            Number = item.Number,
            NumberKey = item.Number.Trim().ToUpperInvariant(),
            DisplayName = item.Description,
            DisplayName2 = item.Description2,
            ItemCategoryId = Id("itemCategory", item.Category),
            ItemCategoryCode = item.Category,
            Blocked = item.Blocked,
            Gtin = item.Gtin,
            Inventory = inventory.GetValueOrDefault(item.Sku),
            UnitPrice = item.UnitPrice,
            UnitCost = item.UnitCost,
            TaxGroupId = Id("taxGroup", TaxGroup),
            TaxGroupCode = TaxGroup,
            BaseUnitOfMeasureId = Id("unitOfMeasure", item.BaseUnitOfMeasure),
            BaseUnitOfMeasureCode = item.BaseUnitOfMeasure,
            GeneralProductPostingGroupId = Id("genProdPostingGroup", GeneralProductPostingGroup),
            GeneralProductPostingGroupCode = GeneralProductPostingGroup,
            InventoryPostingGroupId = Id("inventoryPostingGroup", InventoryPostingGroup),
            InventoryPostingGroupCode = InventoryPostingGroup,
            WebEnabled = item.WebEnabled,
            Brand = item.Brand,
            SystemCreatedAt = ErpTime.Truncate(item.CreatedAt),
            LastModifiedDateTime = ErpTime.Truncate(item.CreatedAt),
            Version = index + 1,
        }).ToList();
        db.Items.AddRange(items);

        db.Locations.AddRange(estate.Locations.Select((l, index) => new LocationRecord
        {
            Id = StableIds.For(seed, "location", l.Code),
            Seq = index + 1,
            Code = l.Code,
            DisplayName = l.Name,
            City = l.City,
            Country = "US",
            LastModifiedDateTime = company.CreatedAt,
        }));

        db.Customers.AddRange(estate.Customers.Select((c, index) => new CustomerRecord
        {
            Id = StableIds.For(seed, "customer", c.Number),
            Seq = index + 1,
            Number = c.Number,
            DisplayName = c.Name,
            Type = "Person",
            AddressLine1 = c.Address,
            City = c.City,
            Country = c.Country,
            PostalCode = c.PostalCode,
            PhoneNumber = c.Phone,
            Email = c.Email,
            EmailKey = c.Email.ToUpperInvariant(),
            CurrencyCode = estate.Options.Currency,
            MarketingConsent = c.AcceptsMarketing,
            PriceGroup = c.PriceGroup,
            LastModifiedDateTime = company.CreatedAt,
            // Row versions continue after the items': one counter for the company, as SQL's rowversion.
            Version = items.Count + index + 1,
        }));
        db.NumberSeries.AddRange(NumberSeries.Initial(estate));
        db.SalesTaxRates.Add(Tax.SalesTaxRates.Initial(company));

        var itemBySku = estate.Items.Zip(items).ToDictionary(p => p.First.Sku, p => p.Second, StringComparer.Ordinal);
        var lineSeq = 0L;
        foreach (var (list, index) in estate.PriceLists.Select((l, i) => (l, i)))
        {
            var listId = StableIds.For(seed, "priceList", list.Code);
            db.PriceLists.Add(new PriceListRecord
            {
                Id = listId,
                Seq = index + 1,
                Code = list.Code,
                Description = $"Web prices {list.StartsOn:yyyy}",
                CurrencyCode = list.Currency,
                StartingDate = list.StartsOn,
                EndingDate = list.EndsOn ?? DateOnly.MinValue,
                TimeZone = list.TimeZone,
                LastModifiedDateTime = company.CreatedAt,
            });
            db.PriceListLines.AddRange(list.Lines.Where(l => itemBySku.ContainsKey(l.Sku)).Select(l => new PriceListLineRecord
            {
                Id = StableIds.For(seed, "priceListLine", $"{list.Code}|{l.Sku}"),
                Seq = ++lineSeq,
                PriceListId = listId,
                PriceListCode = list.Code,
                ItemId = itemBySku[l.Sku].Id,
                ItemNumber = itemBySku[l.Sku].Number,
                UnitPrice = l.UnitPrice,
                CompareAtPrice = l.CompareAtPrice ?? 0m,
                StartingDate = list.StartsOn,
                EndingDate = list.EndsOn ?? DateOnly.MinValue,
                CurrencyCode = list.Currency,
                LastModifiedDateTime = company.CreatedAt,
            }));
        }

        // Nothing edits the seed through this context: skip accepting 100k+ entries, then forget them.
        db.SaveChanges(acceptAllChangesOnSuccess: false);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
