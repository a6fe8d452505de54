using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Locations;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Customers;

/// <summary>
/// <c>GET /v2/customers</c> (ListCustomers: <c>cursor</c>, <c>limit</c> 1–100, <c>sort_field</c>, <c>sort_order</c>,
/// <c>count</c>) and <c>GET /v2/customers/{customer_id}</c> (RetrieveCustomer): the estate's customers.
/// </summary>
public static class ListCustomers
{
    public const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/customers", ListAsync);
        v2.MapGet("/customers/{customer_id}", RetrieveAsync);
    }

    public static async Task<Results<JsonHttpResult<ListCustomersResponse>, JsonHttpResult<SquareErrorResponse>>> ListAsync(
        HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var limit = MaxLimit;
        if (query["limit"].ToString() is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            {
                return SquareErrors.Invalid("EXPECTED_INTEGER", "limit", "limit must be an integer.").ToResult();
            }
            if (limit is < 1 or > MaxLimit)
            {
                return SquareErrors.Invalid(limit < 1 ? "VALUE_TOO_LOW" : "VALUE_TOO_HIGH", "limit", $"limit must be from 1 to {MaxLimit}.").ToResult();
            }
        }
        var sortField = query["sort_field"].ToString() is { Length: > 0 } field ? field : "DEFAULT";
        var sortOrder = query["sort_order"].ToString() is { Length: > 0 } order ? order : "ASC";
        if (sortField is not ("DEFAULT" or "CREATED_AT"))
        {
            return SquareErrors.Invalid("INVALID_ENUM_VALUE", "sort_field", $"'{sortField}' is not a CustomerSortField.").ToResult();
        }
        if (sortOrder is not ("ASC" or "DESC"))
        {
            return SquareErrors.Invalid("INVALID_ENUM_VALUE", "sort_order", $"'{sortOrder}' is not a SortOrder.").ToResult();
        }
        if (!SquareCursor.TryDecode(query["cursor"].ToString(), out var offset, out var failure))
        {
            return failure!.ToResult();
        }
        // DEFAULT sorts by name, as Square's directory does; CREATED_AT by creation time.
        var customers = db.Customers.AsNoTracking();
        var sorted = (sortField, sortOrder) switch
        {
            ("CREATED_AT", "DESC") => customers.OrderByDescending(c => c.CreatedTicks).ThenByDescending(c => c.Ordinal),
            ("CREATED_AT", _) => customers.OrderBy(c => c.CreatedTicks).ThenBy(c => c.Ordinal),
            (_, "DESC") => customers.OrderByDescending(c => c.GivenName).ThenByDescending(c => c.FamilyName).ThenByDescending(c => c.Ordinal),
            _ => customers.OrderBy(c => c.GivenName).ThenBy(c => c.FamilyName).ThenBy(c => c.Ordinal),
        };
        var rows = await sorted.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit + 1).ToListAsync(cancellationToken);
        int? count = string.Equals(query["count"], "true", StringComparison.OrdinalIgnoreCase) ? await customers.CountAsync(cancellationToken) : null;
        return TypedResults.Json(
            new ListCustomersResponse(rows.Take(limit).Select(ToSquare).ToList(), SquareCursor.Next(offset + limit, rows.Count > limit), count),
            SquareJson.Options);
    }

    public static async Task<Results<JsonHttpResult<RetrieveCustomerResponse>, JsonHttpResult<SquareErrorResponse>>> RetrieveAsync(
        [FromRoute(Name = "customer_id")] string customerId, PosDb db, CancellationToken cancellationToken)
    {
        var row = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        return row is null
            ? SquareErrors.NotFound($"Customer with ID `{customerId}` not found.").ToResult()
            : TypedResults.Json(new RetrieveCustomerResponse(ToSquare(row)), SquareJson.Options);
    }

    private static SquareCustomer ToSquare(PosCustomer c) => new()
    {
        Id = c.Id,
        CreatedAt = SquareJson.Time(c.CreatedAt),
        UpdatedAt = SquareJson.Time(c.CreatedAt),
        GivenName = c.GivenName,
        FamilyName = c.FamilyName,
        EmailAddress = c.EmailAddress,
        Address = new SquareAddress { AddressLine1 = c.AddressLine1, Locality = c.Locality, PostalCode = c.PostalCode, Country = c.Country },
        PhoneNumber = c.PhoneNumber,
        ReferenceId = c.ReferenceId,
        Preferences = new CustomerPreferences(c.EmailUnsubscribed),
        CreationSource = "THIRD_PARTY",
        Version = 0,
    };
}

/// <summary>Square <c>Customer</c> (the properties this mirror fills).</summary>
public sealed record SquareCustomer
{
    public required string Id { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? EmailAddress { get; init; }

    public SquareAddress? Address { get; init; }

    public string? PhoneNumber { get; init; }

    public string? ReferenceId { get; init; }

    public CustomerPreferences? Preferences { get; init; }

    public string? CreationSource { get; init; }

    public long Version { get; init; }
}

public sealed record CustomerPreferences(bool EmailUnsubscribed);

public sealed record ListCustomersResponse(IReadOnlyList<SquareCustomer> Customers, string? Cursor, int? Count);

public sealed record RetrieveCustomerResponse(SquareCustomer Customer);
