using System.Globalization;
using System.Text;
using SyncLab.Estate;

namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>The shop as it stands when the scenario starts: every web-enabled item already listed, stocked from the warehouses.</summary>
public sealed record SeedPlan(
    IReadOnlyList<ProductRecord> Products,
    IReadOnlyList<VariantRecord> Variants,
    IReadOnlyList<LocationRecord> Locations,
    IReadOnlyList<InventoryLevelRecord> Levels);

/// <summary>Deterministic numeric ids, in separate ranges so that an id of the wrong kind never resolves by accident.</summary>
public static class IdRanges
{
    public const long Product = 7_000_000_000;
    public const long Variant = 4_000_000_000;
    public const long InventoryItem = 5_000_000_000;
    public const long Location = 80_000_000;

    // What shoppers and the admin create later: numbered from these in creation order, so that the same
    // sequence of actions gives the same ids.
    public const long Customer = 3_000_000_000;
    public const long Order = 6_000_000_000;
    public const long LineItem = 11_000_000_000;
    public const long FulfillmentOrder = 12_000_000_000;
    public const long FulfillmentOrderLineItem = 13_000_000_000;
    public const long Fulfillment = 14_000_000_000;
    public const long FulfillmentLineItem = 15_000_000_000;
    public const long Refund = 16_000_000_000;
    public const long RefundLineItem = 17_000_000_000;
    public const long Transaction = 18_000_000_000;
    public const long MailingAddress = 19_000_000_000;
    public const long ShippingLine = 20_000_000_000;
}

/// <summary>Turns the estate into the storefront's starting state. Pure: the same estate gives the same shop.</summary>
public static class EstateSeed
{
    public static SeedPlan Plan(BusinessEstate estate)
    {
        var warehouses = estate.Locations.Where(l => l.Kind == LocationKind.Warehouse).ToList();
        var locations = warehouses
            .Select((w, i) => new LocationRecord { Id = IdRanges.Location + i + 1, Code = w.Code, Name = w.Name })
            .ToList();
        var locationByCode = locations.ToDictionary(l => l.Code, l => l.Id, StringComparer.Ordinal);

        var stock = new Dictionary<(string Sku, string Location), int>();
        foreach (var level in estate.Stock)
        {
            if (locationByCode.ContainsKey(level.LocationCode))
            {
                stock[(level.Sku, level.LocationCode)] = level.Quantity;
            }
        }

        var handles = new HandleAllocator();
        var products = new List<ProductRecord>(estate.Items.Count);
        var variants = new List<VariantRecord>(estate.Items.Count);
        var levels = new List<InventoryLevelRecord>(estate.Items.Count * Math.Max(1, locations.Count));
        var n = 0L;
        foreach (var item in estate.Items.Where(i => i.WebEnabled))
        {
            n++;
            var title = ProductTitles.Clean(item.Description);
            var product = new ProductRecord
            {
                Id = IdRanges.Product + n,
                Handle = handles.Next(title),
                Title = title,
                Vendor = item.Brand.Length > 0 ? item.Brand : item.Description2,
                ProductType = ProductTitles.TitleCase(item.Category),
                Tags = ProductTitles.TitleCase(item.Category),
                CreatedAt = item.CreatedAt,
                UpdatedAt = item.CreatedAt,
            };
            products.Add(product);
            variants.Add(new VariantRecord
            {
                Id = IdRanges.Variant + n,
                ProductId = product.Id,
                Sku = item.Sku,
                Barcode = item.Gtin,
                Price = item.UnitPrice,
                CompareAtPrice = null,
                InventoryItemId = IdRanges.InventoryItem + n,
                CreatedAt = item.CreatedAt,
                UpdatedAt = item.CreatedAt,
            });
            foreach (var location in locations)
            {
                // Legacy negative stock in the ERP is shown to the shop as nothing to sell.
                var quantity = stock.TryGetValue((item.Sku, location.Code), out var q) ? Math.Max(0, q) : 0;
                levels.Add(new InventoryLevelRecord
                {
                    InventoryItemId = IdRanges.InventoryItem + n,
                    LocationId = location.Id,
                    Available = quantity,
                    CreatedAt = item.CreatedAt,
                    UpdatedAt = item.CreatedAt,
                });
            }
        }
        return new SeedPlan(products, variants, locations, levels);
    }

    /// <summary>Shopify derives a handle from the title and appends -1, -2… while it is taken.</summary>
    private sealed class HandleAllocator
    {
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

        public string Next(string title)
        {
            var stem = ProductTitles.Handle(title);
            if (_taken.Add(stem))
            {
                return stem;
            }
            var i = _next.GetValueOrDefault(stem, 1);
            string candidate;
            do
            {
                candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{i++}");
            }
            while (!_taken.Add(candidate));
            _next[stem] = i;
            return candidate;
        }
    }
}

/// <summary>How a back-office description becomes a shopper-facing title and handle.</summary>
public static class ProductTitles
{
    // Shorthand (upper case, one or two words) to the full words; seeding 50k titles needs a lookup, not a scan.
    private static readonly Dictionary<string, string> Expansions = OfficeShorthand.Table
        .ToDictionary(t => t.Short.ToUpperInvariant(), t => t.Full, StringComparer.Ordinal);

    /// <summary>Expands office shorthand ("BLK CTN T-SHIRT SML") to words and title-cases it; clean text stays as it is.</summary>
    public static string Clean(string description)
    {
        var text = description.Trim();
        if (text.Any(char.IsLower))
        {
            return text;
        }
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length;)
        {
            if (i + 1 < tokens.Length && Expansions.TryGetValue(tokens[i] + " " + tokens[i + 1], out var pair))
            {
                words.Add(pair);
                i += 2;
            }
            else
            {
                words.Add(Expansions.TryGetValue(tokens[i], out var full) ? full : TitleCase(tokens[i]));
                i++;
            }
        }
        return string.Join(' ', words);
    }

    /// <summary>"T-SHIRT" → "T-Shirt", "KITCHEN" → "Kitchen".</summary>
    public static string TitleCase(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || !char.IsLetterOrDigit(chars[i - 1]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return new string(chars);
    }

    /// <summary>Lower case, letters and digits, every other run of characters one hyphen.</summary>
    public static string Handle(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var handle = builder.ToString().TrimEnd('-');
        return handle.Length > 0 ? handle : "product";
    }
}
