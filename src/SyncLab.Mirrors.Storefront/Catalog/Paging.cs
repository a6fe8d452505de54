using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// A page asked for with Relay arguments; only forward paging (<c>first</c>/<c>after</c>, <c>reverse</c>) is supported.
/// <paramref name="AfterValue"/> is the cursor's <c>last_value</c>: the sort key's value of the row the page starts after.
/// </summary>
public sealed record PageRequest(int First, long? AfterId = null, bool Reverse = false, string? AfterValue = null);

public sealed record Page<T>(IReadOnlyList<T> Items, bool HasNextPage, bool HasPreviousPage, Func<T, long> Key)
{
    /// <summary>The sort key's value in a cursor when the page is sorted by something other than the id.</summary>
    public Func<T, string>? Value { get; init; }

    public string Cursor(T item) => Value is { } value ? Cursors.Encode(Key(item), value(item)) : Cursors.Encode(Key(item));

    /// <summary>The same page over other objects (e.g. rows hydrated into nodes), in the same order.</summary>
    public Page<TOther> With<TOther>(IReadOnlyList<TOther> items, Func<TOther, long> key, Func<TOther, string>? value = null) =>
        new(items, HasNextPage, HasPreviousPage, key) { Value = value };
}

/// <summary>Opaque cursors shaped like Shopify's: base64 of <c>{"last_id":…,"last_value":…}</c>.</summary>
public static class Cursors
{
    public static string Encode(long id) => Encode(id, id.ToString(CultureInfo.InvariantCulture));

    public static string Encode(long id, string value) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new CursorJson(id, value)));

    /// <summary>The id a cursor points after; null when it is not one of ours.</summary>
    public static long? Decode(string? cursor) => DecodeWithValue(cursor)?.Id;

    /// <summary>The id and sort value a cursor points after; null when it is not one of ours.</summary>
    public static (long Id, string? Value)? DecodeWithValue(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || !Base64.IsValid(cursor))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(cursor));
            if (!json.RootElement.TryGetProperty("last_id", out var id) || !id.TryGetInt64(out var value))
            {
                return null;
            }
            return (value, json.RootElement.TryGetProperty("last_value", out var last) && last.ValueKind == JsonValueKind.String ? last.GetString() : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An instant as a cursor's <c>last_value</c>: round-trip ISO 8601 in UTC, exact to the tick.</summary>
    public static string InstantValue(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The instant of a cursor's <c>last_value</c>; null when it is not one.</summary>
    public static DateTimeOffset? ParseInstant(string? value) =>
        DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    private sealed record CursorJson(
        [property: System.Text.Json.Serialization.JsonPropertyName("last_id")] long LastId,
        [property: System.Text.Json.Serialization.JsonPropertyName("last_value")] string LastValue);

    /// <summary>The same page over rows already in hand (a store lookup's), as <see cref="PageAsync"/> takes it from a query.</summary>
    public static Page<T> Page<T>(IEnumerable<T> rows, Func<T, long> key, PageRequest page)
    {
        if (page.AfterId is { } after)
        {
            rows = rows.Where(r => page.Reverse ? key(r) < after : key(r) > after);
        }
        var ordered = (page.Reverse ? rows.OrderByDescending(key) : rows.OrderBy(key)).Take(page.First + 1).ToList();
        var hasNext = ordered.Count > page.First;
        if (hasNext)
        {
            ordered.RemoveAt(ordered.Count - 1);
        }
        return new Page<T>(ordered, hasNext, page.AfterId is not null, key);
    }

    /// <summary>Applies the page to a query ordered by <paramref name="key"/>; fetches one extra row to know whether more follow.</summary>
    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> query, Expression<Func<T, long>> key, PageRequest page, CancellationToken ct)
    {
        if (page.AfterId is { } after)
        {
            var bound = QueryParameter.Of(after, typeof(long));
            var compare = page.Reverse ? Expression.LessThan(key.Body, bound) : Expression.GreaterThan(key.Body, bound);
            query = query.Where(Expression.Lambda<Func<T, bool>>(compare, key.Parameters));
        }
        query = page.Reverse ? query.OrderByDescending(key) : query.OrderBy(key);
        var rows = await query.Take(page.First + 1).ToListAsync(ct);
        var hasNext = rows.Count > page.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new Page<T>(rows, hasNext, page.AfterId is not null, key.Compile());
    }
}
