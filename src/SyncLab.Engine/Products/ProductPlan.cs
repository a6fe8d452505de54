using System.Globalization;
using System.Net;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Mapping;

namespace SyncLab.Engine.Products;

/// <summary>A storefront product as the mapping makes it from an ERP item; <see cref="Missing"/> is what keeps it a draft.</summary>
public sealed record ProductContent(string Title, string? Vendor, string ProductType, string DescriptionHtml, IReadOnlyList<string> Missing);

/// <summary>What must change on an existing product; null fields stay as they are.</summary>
public sealed record ProductChange(string Sku, string? Status, IReadOnlyList<string>? Tags, string? Vendor, string? InventoryPolicy)
{
    public bool IsEmpty => Status is null && Tags is null && Vendor is null && InventoryPolicy is null;

    public string Summary => string.Join(", ", new[]
    {
        Status is null ? null : $"status {Status}",
        Tags is null ? null : $"tags [{string.Join(", ", Tags)}]",
        Vendor is null ? null : $"vendor {Vendor}",
        InventoryPolicy is null ? null : $"inventory policy {InventoryPolicy}",
    }.OfType<string>());
}

/// <summary>
/// The catalogue life cycle as pure decisions (data in, change out): which ERP items become storefront
/// products and with what content, when a product is a draft, active or archived, its low-stock, clearance,
/// back-soon and pre-order flags, its inventory policy and its clearance price.
/// </summary>
public static class ProductPlan
{
    public const string Draft = "DRAFT";
    public const string Active = "ACTIVE";
    public const string Archived = "ARCHIVED";
    public const string Deny = "DENY";
    public const string Continue = "CONTINUE";

    /// <summary>The item's life cycle from the office's code; an unknown code is a data error.</summary>
    public static Lifecycle LifecycleOf(ErpItemState item, CatalogRules rules) =>
        rules.LifecycleCodes.TryGetValue(item.LifecycleCode.Trim(), out var lifecycle)
            ? lifecycle
            : throw new DataErrorException($"{item.Sku}: the ERP life-cycle code '{item.LifecycleCode.Trim()}' is not in the mapping's code table");

    /// <summary>
    /// Permanently off the web: blocked, discontinued or no longer web-enabled in the ERP. Such an item is
    /// archived on the storefront and nothing else is pushed for it.
    /// </summary>
    public static bool Withdrawn(ErpItemState item, Lifecycle lifecycle) =>
        item.Blocked || !item.WebEnabled || lifecycle == Lifecycle.Discontinued;

    /// <summary>An end-of-line item with nothing left to sell: archived, never restocked.</summary>
    public static bool SoldOff(Lifecycle lifecycle, int available) => lifecycle == Lifecycle.EndOfLine && available <= 0;

    /// <summary>The unit the shop sells by; a unit code the mapping does not know is a data error.</summary>
    public static string Unit(ErpItemState item, CatalogRules rules) =>
        rules.UnitsOfMeasure.TryGetValue(item.UnitOfMeasure.Trim(), out var unit)
            ? unit
            : throw new DataErrorException($"{item.Sku}: the ERP unit of measure '{item.UnitOfMeasure.Trim()}' is not in the mapping's code table");

    /// <summary>The vendor: by the default mapping, Brand, else Description 2 for items created before the upgrade that added the Brand field.</summary>
    public static string? Brand(ErpItemState item, CatalogRules rules) => Map(item, ProductField.Vendor, rules);

    /// <summary>A product field as the mapping makes it from the item: its sources in order, the first non-blank value.</summary>
    public static string? Map(ErpItemState item, ProductField field, CatalogRules rules) =>
        FieldSource.First(rules.Fields.TryGetValue(field, out var sources) ? sources : CatalogRules.DefaultFields[field], item, rules)?.Trim();

    /// <summary>The shopper-facing title: office shorthand expanded and title-cased; a description typed in mixed case stays as it is.</summary>
    public static string Title(string description, CatalogRules rules)
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
            if (i + 1 < tokens.Length && rules.Shorthand.TryGetValue($"{tokens[i]} {tokens[i + 1]}", out var pair))
            {
                words.Add(pair);
                i += 2;
                continue;
            }
            words.Add(rules.Shorthand.TryGetValue(tokens[i], out var full) ? full : TitleCase(tokens[i]));
            i++;
        }
        return string.Join(' ', words);
    }

    /// <summary>"T-SHIRT" → "T-Shirt".</summary>
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

    /// <summary>Maps the item's content; what a live product needs but the item lacks is listed, not thrown.</summary>
    public static ProductContent Content(ErpItemState item, CatalogRules rules)
    {
        var unit = Unit(item, rules);
        ValidationRule.Check(item, rules);
        var title = Map(item, ProductField.Title, rules)?.Trim() ?? string.Empty;
        var vendor = Brand(item, rules)?.Trim();
        var missing = new List<string>();
        if (title.Length == 0)
        {
            missing.Add("a description");
        }
        if (vendor is null)
        {
            missing.Add("a brand");
        }
        if (item.UnitPrice < rules.MinimumPrice)
        {
            missing.Add("a price");
        }
        var description = $"<p>{WebUtility.HtmlEncode(title)}</p><p>Sold per {WebUtility.HtmlEncode(unit)}.</p>";
        return new ProductContent(title, vendor, Map(item, ProductField.ProductType, rules)?.Trim() ?? string.Empty, description, missing);
    }

    /// <summary>The item's low-stock threshold: its own, else its category's, else the default.</summary>
    public static int LowStockThreshold(ErpItemState item, CatalogRules rules) =>
        item.LowStockThreshold > 0 ? item.LowStockThreshold
        : rules.LowStockByCategory.TryGetValue(item.Category.Trim(), out var byCategory) ? byCategory
        : rules.DefaultLowStockThreshold;

    /// <summary>The product's status: archived when withdrawn, sold off or out of season, a draft while content is missing, else active.</summary>
    public static string Status(ErpItemState item, Lifecycle lifecycle, int available, ProductContent content, string? current)
    {
        if (Withdrawn(item, lifecycle) || SoldOff(lifecycle, available) || item.OffSeason)
        {
            return Archived;
        }
        // A live product is never pulled back to a draft for content: the missing field is reported instead.
        return content.Missing.Count > 0 && current != Active ? Draft : Active;
    }

    /// <summary>The flags the engine owns: clearance, low stock ("only N left"), back soon, pre-order and the restock date.</summary>
    public static IReadOnlyList<string> Flags(ErpItemState item, Lifecycle lifecycle, int available, string status, CatalogRules rules)
    {
        if (status == Archived)
        {
            return [];
        }
        var flags = new List<string>();
        if (lifecycle == Lifecycle.EndOfLine)
        {
            flags.Add(rules.ClearanceTag);
        }
        if (available > 0 && available <= LowStockThreshold(item, rules))
        {
            flags.Add(rules.LowStockTag);
        }
        if (available <= 0)
        {
            flags.Add(rules.BackSoonTag);
            if (InventoryPolicy(item, lifecycle) == Continue)
            {
                flags.Add(rules.PreorderTag);
            }
            if (item.RestockDate is { } restock)
            {
                flags.Add(rules.RestockTagPrefix + restock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        return flags;
    }

    /// <summary>CONTINUE (keep selling at zero: backorders, pre-orders) only where the ERP allows it and the item is not ending.</summary>
    public static string InventoryPolicy(ErpItemState item, Lifecycle lifecycle) =>
        item.AllowBackorder && lifecycle == Lifecycle.Active && !Withdrawn(item, lifecycle) ? Continue : Deny;

    /// <summary>
    /// The price and compare-at price the item card says: end-of-line items sell at the markdown with the ERP price struck
    /// through; every other item at the ERP price with no compare-at (a clearance that ended leaves none behind; a price
    /// list's sale sets its own, see <see cref="Prices.PriceListPlan.PriceAt"/>).
    /// </summary>
    public static (decimal Price, decimal? CompareAt) Pricing(ErpItemState item, Lifecycle lifecycle, CatalogRules rules) =>
        lifecycle == Lifecycle.EndOfLine
            ? (Math.Round(item.UnitPrice * (1 - rules.ClearanceMarkdown), 2, MidpointRounding.AwayFromZero), item.UnitPrice)
            : (item.UnitPrice, null);

    /// <summary>The product to create for a web item the storefront does not list; null when none should be (withdrawn, sold off, or before its season).</summary>
    public static ShopifyNewProduct? New(ErpItemState item, CatalogRules rules, string locationId, int available)
    {
        var lifecycle = LifecycleOf(item, rules);
        if (Withdrawn(item, lifecycle) || SoldOff(lifecycle, available) || item.OffSeason)
        {
            return null;
        }
        var content = Content(item, rules);
        var status = Status(item, lifecycle, available, content, current: null);
        var (price, compareAt) = Pricing(item, lifecycle, rules);
        List<string> tags = [.. content.ProductType.Length > 0 ? [content.ProductType] : Array.Empty<string>(), .. Flags(item, lifecycle, available, status, rules)];
        return new ShopifyNewProduct(
            content.Title, null, status, content.Vendor ?? string.Empty, content.ProductType, content.DescriptionHtml, tags,
            item.Sku, item.Gtin.Length > 0 ? item.Gtin : null, price, compareAt, InventoryPolicy(item, lifecycle), locationId, available);
    }

    /// <summary>What must change on an existing product for the item's state; null when nothing.</summary>
    public static ProductChange? Decide(ErpItemState item, ShopifyVariant current, CatalogRules rules, int available)
    {
        var lifecycle = LifecycleOf(item, rules);
        var withdrawn = Withdrawn(item, lifecycle);
        // A withdrawn item needs no content to be archived: its unit or brand may be as broken as they like.
        var content = withdrawn ? null : Content(item, rules);
        var status = withdrawn ? Archived : Status(item, lifecycle, available, content!, current.ProductStatus);
        var merchantTags = current.Tags.Where(t => !rules.OwnsTag(t));
        var tags = merchantTags.Concat(Flags(item, lifecycle, available, status, rules)).ToList();
        var policy = InventoryPolicy(item, lifecycle);
        var vendor = content?.Vendor;
        var change = new ProductChange(
            item.Sku,
            status == current.ProductStatus ? null : status,
            SameTags(tags, current.Tags) ? null : tags,
            vendor is null || vendor == current.Vendor ? null : vendor,
            policy == current.InventoryPolicy ? null : policy);
        return change.IsEmpty ? null : change;
    }

    /// <summary>The data error a draft carries until the ERP has what it lacks.</summary>
    public static string DraftMessage(string sku, ProductContent content) =>
        $"{sku}: kept as a draft on the storefront until the ERP item has {string.Join(" and ", content.Missing)}";

    private static bool SameTags(IReadOnlyCollection<string> wanted, IReadOnlyCollection<string> current) =>
        wanted.Count == current.Count && wanted.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(current);
}
