using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary>A customer with its addresses and what its orders add up to.</summary>
public sealed class CustomerNode(CustomerRecord row)
{
    public CustomerRecord Row { get; } = row;

    public List<AddressRecord> Addresses { get; } = [];

    public AddressRecord? DefaultAddress => Addresses.FirstOrDefault(a => a.Id == Row.DefaultAddressId) ?? Addresses.FirstOrDefault();

    public int NumberOfOrders { get; set; }

    /// <summary>What the customer paid, less refunds.</summary>
    public decimal AmountSpent { get; set; }

    public string DisplayName =>
        string.Join(' ', new[] { Row.FirstName, Row.LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name ? name : Row.Email;
}

/// <summary>Reads customers for one request: rows, their addresses and order totals, in three queries per page.</summary>
public sealed class CustomerReader(StorefrontDb db)
{
    public async Task<Page<CustomerNode>> CustomersAsync(SearchQuery query, PageRequest page, CancellationToken ct)
    {
        var rows = await Cursors.PageAsync(db.Customers.AsNoTracking().Where(Filter(query)), c => c.Id, page, ct);
        return rows.With(await ComposeAsync(rows.Items, ct), c => c.Row.Id);
    }

    public async Task<CustomerNode?> CustomerAsync(long id, CancellationToken ct)
    {
        var row = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return row is null ? null : (await ComposeAsync([row], ct))[0];
    }

    /// <summary>Nodes for rows the caller holds (tracked ones included); addresses not yet saved can be passed in.</summary>
    public async Task<List<CustomerNode>> ComposeAsync(IReadOnlyList<CustomerRecord> customers, CancellationToken ct, IReadOnlyList<AddressRecord>? unsaved = null)
    {
        if (customers.Count == 0)
        {
            return [];
        }
        var ids = customers.Select(c => c.Id).ToHashSet();
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.CustomerId != null && ids.Contains(a.CustomerId.Value)).ToListAsync(ct);
        if (unsaved is not null)
        {
            addresses = addresses.Where(a => unsaved.All(u => u.Id != a.Id)).Concat(unsaved.Where(u => u.CustomerId is not null)).ToList();
        }
        // Totals are added up here rather than in SQL: SQLite cannot sum decimals.
        var totals = (await db.Orders.AsNoTracking()
                .Where(o => o.CustomerId != null && ids.Contains(o.CustomerId.Value))
                .Select(o => new { o.CustomerId, o.TotalReceived, o.TotalRefunded })
                .ToListAsync(ct))
            .GroupBy(o => o.CustomerId!.Value)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Spent: g.Sum(o => o.TotalReceived - o.TotalRefunded)));
        return customers.Select(c =>
        {
            var node = new CustomerNode(c);
            node.Addresses.AddRange(addresses.Where(a => a.CustomerId == c.Id).OrderBy(a => a.Id));
            if (totals.TryGetValue(c.Id, out var total))
            {
                node.NumberOfOrders = total.Count;
                node.AmountSpent = total.Spent;
            }
            return node;
        }).ToList();
    }

    /// <summary>Shopify's customer search subset: email, first_name, last_name, phone, tag, id, created_at, updated_at, email_marketing_state, free text.</summary>
    // Translated by EF: only ToLower() works on every provider (see CatalogSearch).
#pragma warning disable CA1304, CA1311, CA1862
    internal static Expression<Func<CustomerRecord, bool>> Filter(SearchQuery query)
    {
        if (query.IsEmpty)
        {
            return Predicates.True<CustomerRecord>();
        }
        var any = Predicates.False<CustomerRecord>();
        foreach (var group in query.AnyOf)
        {
            var all = Predicates.True<CustomerRecord>();
            foreach (var term in group)
            {
                var predicate = term.Field switch
                {
                    "email" => CatalogSearch.Exact<CustomerRecord>(term, c => c.Email),
                    "first_name" => CatalogSearch.Exact<CustomerRecord>(term, c => c.FirstName!),
                    "last_name" => CatalogSearch.Exact<CustomerRecord>(term, c => c.LastName!),
                    "phone" => CatalogSearch.Exact<CustomerRecord>(term, c => c.Phone!),
                    "tag" => CatalogSearch.Text<CustomerRecord>(term, c => c.Tags),
                    "email_marketing_state" => CatalogSearch.Exact<CustomerRecord>(term, c => c.MarketingState),
                    "id" => CatalogSearch.Ids<CustomerRecord>(term, "Customer", c => c.Id),
                    "created_at" => CatalogSearch.Instant<CustomerRecord>(term, c => c.CreatedAt),
                    "updated_at" => CatalogSearch.Instant<CustomerRecord>(term, c => c.UpdatedAt),
                    null => FreeText(term.Value),
                    _ => Predicates.True<CustomerRecord>(),
                };
                all = all.And(term.Negated ? predicate.Not() : predicate);
            }
            any = any.Or(all);
        }
        return any;
    }

    private static Expression<Func<CustomerRecord, bool>> FreeText(string text)
    {
        var value = text.TrimEnd('*').ToLowerInvariant();
        return c => c.Email.Contains(value)
            || (c.FirstName != null && c.FirstName.ToLower().Contains(value))
            || (c.LastName != null && c.LastName.ToLower().Contains(value));
    }
#pragma warning restore CA1304, CA1311, CA1862
}
