using System.Globalization;
using Bogus;

namespace SyncLab.Estate;

/// <summary>Generates one consistent business from a seed. Pure: no clock, no ambient randomness.</summary>
public static class EstateGenerator
{
    private static readonly string[] Colors = ["Black", "White", "Navy", "Grey", "Red", "Green", "Blue", "Natural"];
    private static readonly string[] Materials = ["Cotton", "Stainless", "Leather", "Wool", "Bamboo", "Ceramic", "Canvas", "Oak"];
    private static readonly string[] Nouns = ["T-Shirt", "Water Bottle", "Backpack", "Mug", "Socks", "Cutting Board", "Tote Bag", "Beanie", "Notebook", "Lamp"];
    private static readonly string[] Sizes = ["Small", "Medium", "Large", "Assorted", "Pack of 3"];
    private static readonly string[] Categories = ["APPAREL", "KITCHEN", "BAGS", "HOME", "STATIONERY"];
    private static readonly string[] Brands = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Adventure Works", "Litware"];
    private static readonly string[] PriceGroups = ["RETAIL", "RETAIL", "RETAIL", "TRADE", "VIP"];

    public static BusinessEstate Generate(EstateOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Skus, 1);
        var faker = new Faker("en") { Random = new Randomizer(options.Seed) };
        var random = faker.Random;

        var locations = Locations(options);
        var items = new List<Item>(options.Skus);
        var stock = new List<StockLevel>(options.Skus * locations.Count);
        var gtins = new List<string>(options.Skus);
        for (var i = 0; i < options.Skus; i++)
        {
            var item = NewItem(i, options, faker, gtins);
            items.Add(item);
            gtins.Add(item.Gtin);
            foreach (var location in locations)
            {
                var quantity = random.Chance(options.Quirks.NegativeStock)
                    ? -random.Int(1, 5)
                    : random.Int(0, location.Kind == LocationKind.Warehouse ? 200 : 30);
                stock.Add(new StockLevel(item.Sku, location.Code, quantity));
            }
        }

        var customers = new List<Customer>(options.Customers);
        for (var i = 0; i < options.Customers; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            customers.Add(new Customer(
                Number: $"C{10000 + i}",
                Name: $"{first} {last}",
                Email: faker.Internet.Email(first, last, provider: "example.com").ToLowerInvariant(),
                Phone: faker.Phone.PhoneNumber("###-###-####"),
                Address: faker.Address.StreetAddress(),
                City: faker.Address.City(),
                PostalCode: faker.Address.ZipCode("#####"),
                Country: "US",
                AcceptsMarketing: random.Bool(0.4f),
                PriceGroup: random.ArrayElement(PriceGroups)));
        }

        var asOf = DateOnly.FromDateTime(options.AsOf.UtcDateTime);
        var currentYear = new DateOnly(asOf.Year, 1, 1);
        var priceLists = new List<PriceList>
        {
            new($"WEB-{asOf.Year}", options.Currency, currentYear, new DateOnly(asOf.Year, 12, 31), options.TimeZone,
                items.Select(i => new PriceListLine(i.Sku, i.UnitPrice, null)).ToList()),
        };

        return new BusinessEstate(options, items, locations, stock, priceLists, customers);
    }

    private static List<Location> Locations(EstateOptions options)
    {
        var list = new List<Location>();
        for (var w = 1; w <= options.Warehouses; w++)
        {
            list.Add(new Location($"WH{w:00}", $"Warehouse {w}", LocationKind.Warehouse, options.TimeZone, "Chicago"));
        }
        for (var s = 1; s <= options.Stores; s++)
        {
            list.Add(new Location($"ST{s:00}", $"Store {s}", LocationKind.Store, options.TimeZone, "Chicago"));
        }
        return list;
    }

    private static Item NewItem(int index, EstateOptions options, Faker faker, List<string> gtins)
    {
        var random = faker.Random;
        var quirks = options.Quirks;
        var sku = $"SKU-{index + 1:000000}";
        var description = $"{random.ArrayElement(Colors)} {random.ArrayElement(Materials)} {random.ArrayElement(Nouns)} {random.ArrayElement(Sizes)}";
        if (random.Chance(quirks.Shorthand))
        {
            description = OfficeShorthand.Abbreviate(description);
        }
        var created = options.AsOf.AddDays(-random.Int(1, 365 * 6)).AddMinutes(-random.Int(0, 24 * 60));
        var brand = random.ArrayElement(Brands);
        var beforeUpgrade = DateOnly.FromDateTime(created.UtcDateTime) < options.UpgradeDate;
        var price = Math.Round(random.Decimal(4m, 120m), 2);
        var gtin = gtins.Count > 0 && random.Chance(quirks.DuplicateGtin) ? gtins[random.Int(0, gtins.Count - 1)] : Ean13(random);
        var blocked = random.Chance(0.04);
        var web = random.Chance(0.85) || (blocked && random.Chance(quirks.BlockedButOnWeb / 0.04));
        return new Item
        {
            Number = random.Chance(quirks.SkuDrift) ? Drift(sku, random) : sku,
            Sku = sku,
            Description = description,
            Description2 = beforeUpgrade ? brand : string.Empty,
            Brand = beforeUpgrade ? string.Empty : brand,
            BaseUnitOfMeasure = random.Chance(quirks.MixedUnitCodes) ? random.ArrayElement(["EA", "ea.", "STK", "PC", "Pcs"]) : "PCS",
            Gtin = gtin,
            Category = random.ArrayElement(Categories),
            UnitPrice = price,
            UnitCost = Math.Round(price * random.Decimal(0.35m, 0.6m), 2),
            Blocked = blocked,
            WebEnabled = web,
            CreatedAt = created,
        };
    }

    private static bool Chance(this Randomizer random, double rate) => rate > 0 && random.Double() < rate;

    private static string Drift(string sku, Randomizer random) => random.Bool() ? sku + "  " : sku.ToLowerInvariant();

    private static string Ean13(Randomizer random)
    {
        var digits = "400" + random.ReplaceNumbers("#########");
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
