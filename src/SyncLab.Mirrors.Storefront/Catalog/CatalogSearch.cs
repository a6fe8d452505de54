using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into EF predicates. Fields the mirror does not know are ignored, as
/// Shopify ignores them. SKU and title matches are case-insensitive, as Shopify's search is.
/// </summary>
// The predicates are translated by EF: only string.ToLower() is translated by every provider
// (SQLite, PostgreSQL, InMemory), so the culture- and comparison-taking overloads cannot be used here.
#pragma warning disable CA1304, CA1311, CA1862
internal static class CatalogSearch
{
    public static async Task<Expression<Func<ProductRecord, bool>>> ProductFilterAsync(StorefrontDb db, SearchQuery query, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return Predicates.True<ProductRecord>();
        }
        var any = Predicates.False<ProductRecord>();
        foreach (var group in query.AnyOf)
        {
            var all = Predicates.True<ProductRecord>();
            foreach (var term in group)
            {
                var predicate = term.Field switch
                {
                    null or "title" => Text<ProductRecord>(term, p => p.Title),
                    "id" => Ids<ProductRecord>(term, "Product", p => p.Id),
                    "handle" => Exact<ProductRecord>(term, p => p.Handle),
                    "status" => Exact<ProductRecord>(term, p => p.Status),
                    "vendor" => Exact<ProductRecord>(term, p => p.Vendor),
                    "product_type" => Exact<ProductRecord>(term, p => p.ProductType),
                    "tag" => Text<ProductRecord>(term, p => p.Tags),
                    "updated_at" => Instant<ProductRecord>(term, p => p.UpdatedAt),
                    "created_at" => Instant<ProductRecord>(term, p => p.CreatedAt),
                    "sku" or "barcode" => await ProductsWithVariantsAsync(db, term, ct),
                    _ => Predicates.True<ProductRecord>(),
                };
                all = all.And(term.Negated ? predicate.Not() : predicate);
            }
            any = any.Or(all);
        }
        return any;
    }

    /// <summary>
    /// The lower-cased SKUs of a search that is nothing but exact SKUs joined by OR (<c>sku:"A" OR sku:"B"</c>, as a
    /// client looks variants up by SKU): what a lookup on <see cref="VariantRecord.SkuKey"/> answers. Null for any other search.
    /// </summary>
    public static IReadOnlyList<string>? SkuKeys(SearchQuery query)
    {
        if (query.IsEmpty)
        {
            return null;
        }
        var keys = new List<string>();
        foreach (var group in query.AnyOf)
        {
            if (group is not [{ Field: "sku", Negated: false, IsPrefix: false } term] || term.Comparator != ":" || term.Values.Any(v => v.EndsWith('*')))
            {
                return null;
            }
            keys.AddRange(term.Values.Select(v => v.ToLowerInvariant()));
        }
        return keys;
    }

    public static Expression<Func<VariantRecord, bool>> VariantFilter(SearchQuery query)
    {
        if (query.IsEmpty)
        {
            return Predicates.True<VariantRecord>();
        }
        var any = Predicates.False<VariantRecord>();
        foreach (var group in query.AnyOf)
        {
            var all = Predicates.True<VariantRecord>();
            foreach (var term in group)
            {
                var predicate = term.Field switch
                {
                    "sku" => ExactKey<VariantRecord>(term, v => v.SkuKey!),
                    "barcode" => Exact<VariantRecord>(term, v => v.Barcode!),
                    null or "title" => Text<VariantRecord>(term, v => v.Title),
                    "id" => Ids<VariantRecord>(term, "ProductVariant", v => v.Id),
                    "product_id" => Ids<VariantRecord>(term, "Product", v => v.ProductId),
                    "inventory_item_id" => Ids<VariantRecord>(term, "InventoryItem", v => v.InventoryItemId),
                    "updated_at" => Instant<VariantRecord>(term, v => v.UpdatedAt),
                    "created_at" => Instant<VariantRecord>(term, v => v.CreatedAt),
                    _ => Predicates.True<VariantRecord>(),
                };
                all = all.And(term.Negated ? predicate.Not() : predicate);
            }
            any = any.Or(all);
        }
        return any;
    }

    private static async Task<Expression<Func<ProductRecord, bool>>> ProductsWithVariantsAsync(StorefrontDb db, SearchTerm term, CancellationToken ct)
    {
        var variantTerm = term with { Negated = false };
        var variantFilter = term.Field == "sku" ? ExactKey<VariantRecord>(variantTerm, v => v.SkuKey!) : Exact<VariantRecord>(variantTerm, v => v.Barcode!);
        var ids = (await db.Variants.AsNoTracking().Where(variantFilter).Select(v => v.ProductId).ToListAsync(ct)).ToHashSet();
        return p => ids.Contains(p.Id);
    }

    /// <summary>Case-insensitive equality with any of the term's values, or a prefix match for <c>value*</c>.</summary>
    internal static Expression<Func<T, bool>> Exact<T>(SearchTerm term, Expression<Func<T, string>> property)
    {
        var result = Predicates.False<T>();
        foreach (var raw in term.Values)
        {
            var value = raw.ToLowerInvariant();
            Expression<Func<string, bool>> test = value.Length > 1 && value.EndsWith('*')
                ? s => s != null && s.ToLower().StartsWith(value.TrimEnd('*'))
                : s => s != null && s.ToLower() == value;
            result = result.Or(Apply(property, test));
        }
        return result;
    }

    /// <summary>As <see cref="Exact{T}"/>, on a column that already holds its values lower-cased (so an index can answer).</summary>
    internal static Expression<Func<T, bool>> ExactKey<T>(SearchTerm term, Expression<Func<T, string>> loweredProperty)
    {
        var result = Predicates.False<T>();
        foreach (var raw in term.Values)
        {
            var value = raw.ToLowerInvariant();
            Expression<Func<string, bool>> test = value.Length > 1 && value.EndsWith('*')
                ? s => s != null && s.StartsWith(value.TrimEnd('*'))
                : s => s == value;
            result = result.Or(Apply(loweredProperty, test));
        }
        return result;
    }

    internal static Expression<Func<T, bool>> Text<T>(SearchTerm term, Expression<Func<T, string>> property)
    {
        var value = term.Value.TrimEnd('*').ToLowerInvariant();
        Expression<Func<string, bool>> test = s => s != null && s.ToLower().Contains(value);
        return Apply(property, test);
    }

    internal static Expression<Func<T, bool>> Ids<T>(SearchTerm term, string gidType, Expression<Func<T, long>> property)
    {
        var bound = Gid.TryParse(term.Value, gidType)
            ?? (long.TryParse(term.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);
        Expression<Func<long, bool>> test = term.Comparator switch
        {
            ">" => id => id > bound,
            ">=" => id => id >= bound,
            "<" => id => id < bound,
            "<=" => id => id <= bound,
            _ => id => id == bound,
        };
        return Apply(property, test);
    }

    internal static Expression<Func<T, bool>> Instant<T>(SearchTerm term, Expression<Func<T, DateTimeOffset>> property)
    {
        if (!DateTimeOffset.TryParse(term.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return Predicates.False<T>();
        }
        Expression<Func<DateTimeOffset, bool>> test = term.Comparator switch
        {
            ">" => t => t > at,
            ">=" => t => t >= at,
            "<" => t => t < at,
            "<=" => t => t <= at,
            _ => t => t == at,
        };
        return Apply(property, test);
    }

    internal static Expression<Func<T, bool>> Apply<T, TValue>(Expression<Func<T, TValue>> property, Expression<Func<TValue, bool>> test)
    {
        var body = new Substitute(test.Parameters[0], property.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, property.Parameters);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
