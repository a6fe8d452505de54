using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// Shopify's order search subset: <c>updated_at</c>, <c>created_at</c>, <c>processed_at</c> (with comparators),
/// <c>status</c> (open, closed, cancelled, not_closed, any), <c>financial_status</c>, <c>fulfillment_status</c>,
/// <c>name</c> (#1001 or 1001), <c>email</c>, <c>customer_id</c>, <c>id</c>, <c>sku</c>, free text (name or e-mail).
/// Unknown fields are ignored, as on Shopify.
/// </summary>
// Translated by EF: only ToLower() works on every provider (see CatalogSearch).
#pragma warning disable CA1304, CA1311, CA1862
internal static class OrderSearch
{
    public static async Task<Expression<Func<OrderRecord, bool>>> FilterAsync(StorefrontDb db, SearchQuery query, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return Predicates.True<OrderRecord>();
        }
        var any = Predicates.False<OrderRecord>();
        foreach (var group in query.AnyOf)
        {
            var all = Predicates.True<OrderRecord>();
            foreach (var term in group)
            {
                var predicate = term.Field switch
                {
                    "updated_at" => CatalogSearch.Instant<OrderRecord>(term, o => o.UpdatedAt),
                    "created_at" => CatalogSearch.Instant<OrderRecord>(term, o => o.CreatedAt),
                    "processed_at" => CatalogSearch.Instant<OrderRecord>(term, o => o.ProcessedAt),
                    "status" => AnyOf(term, Status),
                    "financial_status" => AnyOf(term, FinancialStatus),
                    "fulfillment_status" => AnyOf(term, FulfillmentStatus),
                    "name" => AnyOf(term, Name),
                    "email" => CatalogSearch.Exact<OrderRecord>(term, o => o.Email),
                    "customer_id" => CatalogSearch.Ids<OrderRecord>(term, "Customer", o => o.CustomerId ?? 0),
                    "id" => CatalogSearch.Ids<OrderRecord>(term, "Order", o => o.Id),
                    "sku" => await WithSkuAsync(db, term, ct),
                    null => FreeText(term.Value),
                    _ => Predicates.True<OrderRecord>(),
                };
                all = all.And(term.Negated ? predicate.Not() : predicate);
            }
            any = any.Or(all);
        }
        return any;
    }

    private static Expression<Func<OrderRecord, bool>> AnyOf(SearchTerm term, Func<string, Expression<Func<OrderRecord, bool>>> one)
    {
        var result = Predicates.False<OrderRecord>();
        foreach (var value in term.Values)
        {
            result = result.Or(one(value.ToLowerInvariant()));
        }
        return result;
    }

    private static Expression<Func<OrderRecord, bool>> Status(string value) => value switch
    {
        "open" => o => o.ClosedAt == null && o.CancelledAt == null,
        "closed" => o => o.ClosedAt != null,
        "cancelled" => o => o.CancelledAt != null,
        "not_closed" => o => o.ClosedAt == null,
        "any" => Predicates.True<OrderRecord>(),
        _ => Predicates.False<OrderRecord>(),
    };

    private static Expression<Func<OrderRecord, bool>> FinancialStatus(string value)
    {
        var status = value.ToUpperInvariant();
        return value == "any" ? Predicates.True<OrderRecord>() : o => o.FinancialStatus == status;
    }

    private static Expression<Func<OrderRecord, bool>> FulfillmentStatus(string value) => value switch
    {
        "shipped" or "fulfilled" => o => o.FulfillmentStatus == OrderStatuses.Fulfilled,
        "partial" or "partially_fulfilled" => o => o.FulfillmentStatus == OrderStatuses.PartiallyFulfilled,
        "unshipped" or "unfulfilled" => o => o.FulfillmentStatus == OrderStatuses.Unfulfilled,
        "restocked" => o => o.FulfillmentStatus == OrderStatuses.Restocked,
        "any" => Predicates.True<OrderRecord>(),
        _ => Predicates.False<OrderRecord>(),
    };

    /// <summary><c>name:#1001</c> and <c>name:1001</c> find the same order.</summary>
    private static Expression<Func<OrderRecord, bool>> Name(string value) =>
        int.TryParse(value.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? o => o.Number == number
            : Predicates.False<OrderRecord>();

    private static Expression<Func<OrderRecord, bool>> FreeText(string text)
    {
        var value = text.TrimEnd('*').ToLowerInvariant();
        return int.TryParse(value.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? o => o.Number == number
            : o => o.Email.Contains(value);
    }

    private static async Task<Expression<Func<OrderRecord, bool>>> WithSkuAsync(StorefrontDb db, SearchTerm term, CancellationToken ct)
    {
        var lineFilter = CatalogSearch.Exact<OrderLineRecord>(term with { Negated = false }, l => l.Sku!);
        var ids = (await db.OrderLines.AsNoTracking().Where(lineFilter).Select(l => l.OrderId).ToListAsync(ct)).ToHashSet();
        return o => ids.Contains(o.Id);
    }
}
#pragma warning restore CA1304, CA1311, CA1862
