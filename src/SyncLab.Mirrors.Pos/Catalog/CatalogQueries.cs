using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Catalog;

/// <summary>One search hit: the object returned and the entry it came from.</summary>
public sealed record CatalogMatch(PosCatalogEntry Entry, CatalogObject Found);

/// <summary>How a <see cref="CatalogQuery"/> matches the catalog: pure predicates, plus a store-side pre-filter.</summary>
public static class CatalogQueries
{
    public static SquareFailure? Validate(CatalogQuery? query)
    {
        if (query?.ExactQuery is { } exact)
        {
            if (string.IsNullOrEmpty(exact.AttributeName))
            {
                return SquareErrors.Missing("query.exact_query.attribute_name");
            }
            if (exact.AttributeValue is null)
            {
                return SquareErrors.Missing("query.exact_query.attribute_value");
            }
        }
        if (query?.SetQuery is { } set)
        {
            if (string.IsNullOrEmpty(set.AttributeName))
            {
                return SquareErrors.Missing("query.set_query.attribute_name");
            }
            if (set.AttributeValues is null || set.AttributeValues.Count == 0)
            {
                return SquareErrors.Missing("query.set_query.attribute_values");
            }
        }
        if (query?.PrefixQuery is { } prefix)
        {
            if (string.IsNullOrEmpty(prefix.AttributeName))
            {
                return SquareErrors.Missing("query.prefix_query.attribute_name");
            }
            if (string.IsNullOrEmpty(prefix.AttributePrefix))
            {
                return SquareErrors.Missing("query.prefix_query.attribute_prefix");
            }
        }
        if (query?.TextQuery is { } text)
        {
            if (text.Keywords is null || text.Keywords.Count == 0)
            {
                return SquareErrors.Missing("query.text_query.keywords");
            }
            if (text.Keywords.Count > 3)
            {
                return SquareErrors.Invalid("ARRAY_LENGTH_TOO_LONG", "query.text_query.keywords", "At most 3 keywords are allowed.");
            }
        }
        return null;
    }

    /// <summary>The SKU keys an exact or set query on <c>sku</c> names (null for any other query): what a lookup by SKU can answer.</summary>
    public static IReadOnlyList<string>? SkuKeys(CatalogQuery? query) => query switch
    {
        { ExactQuery: { AttributeName: "sku", AttributeValue: { } sku } } => [sku.ToUpperInvariant()],
        { SetQuery: { AttributeName: "sku", AttributeValues: { } skus } } => skus.Select(s => s.ToUpperInvariant()).ToList(),
        _ => null,
    };

    /// <summary>Cuts the candidates down in the store (by upper-case SKU or search text) before the exact predicates run.</summary>
    public static IQueryable<PosCatalogEntry> Narrow(IQueryable<PosCatalogEntry> catalog, CatalogQuery? query)
    {
        if (query?.ExactQuery is { AttributeName: "sku", AttributeValue: { } sku })
        {
            var key = sku.ToUpperInvariant();
            return catalog.Where(c => c.SkuKey == key);
        }
        if (query?.SetQuery is { AttributeName: "sku", AttributeValues: { } skus })
        {
            var keys = skus.Select(s => s.ToUpperInvariant()).ToList();
            return catalog.Where(c => keys.Contains(c.SkuKey));
        }
        if (query?.TextQuery?.Keywords?.FirstOrDefault(k => k.Length >= 3) is { } keyword)
        {
            var token = keyword.ToUpperInvariant();
            return catalog.Where(c => c.SearchText.Contains(token));
        }
        return catalog;
    }

    public static IEnumerable<CatalogMatch> Match(PosCatalogEntry e, CatalogQuery? query, bool items, bool variations)
    {
        if (items && Matches(query, name => ItemAttribute(e, name)))
        {
            yield return new CatalogMatch(e, CatalogObjects.Item(e));
        }
        if (variations && Matches(query, name => VariationAttribute(e, name)))
        {
            yield return new CatalogMatch(e, CatalogObjects.Variation(e));
        }
    }

    private static bool Matches(CatalogQuery? query, Func<string, IEnumerable<string>> attribute)
    {
        if (query is null)
        {
            return true;
        }
        // No object here has taxes, modifier lists, item options or numeric attributes.
        if (query.RangeQuery is not null || query.ItemsForTaxQuery is not null || query.ItemsForModifierListQuery is not null
            || query.ItemsForItemOptionsQuery is not null || query.ItemVariationsForItemOptionValuesQuery is not null)
        {
            return false;
        }
        if (query.ExactQuery is { AttributeName: { } exactName, AttributeValue: { } exactValue }
            && !attribute(exactName).Any(v => string.Equals(v, exactValue, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        if (query.SetQuery is { AttributeName: { } setName, AttributeValues: { } setValues }
            && !attribute(setName).Any(v => setValues.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }
        if (query.PrefixQuery is { AttributeName: { } prefixName, AttributePrefix: { } prefix }
            && !attribute(prefixName).Any(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        if (query.TextQuery?.Keywords is { } keywords)
        {
            // Square ignores keywords of fewer than 3 characters.
            var searchable = string.Join(' ', attribute("name").Concat(attribute("sku")).Concat(attribute("upc")));
            if (!keywords.Where(k => k.Length >= 3).All(k => searchable.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<string> ItemAttribute(PosCatalogEntry e, string name) => name switch
    {
        "name" => [e.Name],
        _ => [],
    };

    private static IEnumerable<string> VariationAttribute(PosCatalogEntry e, string name) => name switch
    {
        "name" => ["Regular"],
        "sku" => [e.Sku],
        "upc" => e.Upc is null ? [] : [e.Upc],
        _ => [],
    };
}
