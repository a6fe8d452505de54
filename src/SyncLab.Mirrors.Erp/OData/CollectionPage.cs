using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>
/// Answers a collection GET: $filter, $orderby, $select, $top, $skip, $count, and server-driven paging.
/// The nextLink carries a key-set <c>$skiptoken</c> (the sort values of the last row sent), as Business
/// Central's does: a row changed while a client pages moves rather than shifting every later row, so
/// no unchanged row is skipped.
/// </summary>
internal static class CollectionPage
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static async Task<VendorResponse> AnswerAsync<T>(
        IQueryable<T> source, EntityShape<T> shape, VendorRequest request, string context, int pageSize, CancellationToken cancellationToken)
        where T : class, ISequenced
    {
        shape = request.Service<ApiUpgrade>().Shape(shape);
        var options = QueryOptions.Parse(request.Query);
        var order = options.Order(shape);
        var select = options.Selected(shape);
        var expansions = options.Expanded(shape);
        var keys = order.Select(o => (o.Field.Selector!, o.Descending)).Append((SeqSelector(shape), false)).ToList();

        // Change tracking (Prefer: odata.track-changes, $deltatoken): see DeltaQuery. A dead token is 410 before anything else.
        var delta = await DeltaQuery.PrepareAsync(source, shape, request, options, cancellationToken);
        var query = source.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(options.Filter))
        {
            query = query.Where(FilterBinder.Bind(FilterParser.Parse(options.Filter), shape));
        }
        if (delta?.Filter is { } changed)
        {
            query = query.Where(changed);
        }

        var rows = new List<T>();
        int? count = null;
        var limit = Math.Min(pageSize, options.Top ?? int.MaxValue);
        try
        {
            if (options.Count)
            {
                count = await query.CountAsync(cancellationToken);
            }
            if (options.SkipToken is { } token)
            {
                query = query.Where(After<T>(shape.Parameter, keys, SkipToken.Decode(token, keys)));
            }
            query = Sort(query, shape.Parameter, keys);
            if (options.SkipToken is null && options.Skip is > 0)
            {
                query = query.Skip(options.Skip.Value);
            }
            rows = await query.Take(limit + 1).ToListAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // A filter the store cannot evaluate is the caller's request, never a server fault.
            throw VendorError.BadRequest($"The query cannot be evaluated: {e.Message}");
        }

        string? nextLink = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var remaining = options.Top - limit;
            if (remaining is null or > 0)
            {
                var last = rows[^1];
                nextLink = NextLink(request, options, remaining, SkipToken.Encode(keys.Select(k => k.Item1.Compile().DynamicInvoke(last))), delta?.PagingToken);
            }
        }
        // The deltaLink comes with the last page only; the pages before carry the tracking state in their nextLink.
        var deltaLink = delta is not null && nextLink is null ? NextLink(request, options with { Count = false }, null, null, delta.DeltaLinkToken) : null;

        var expanded = await ExpandAsync(expansions, request, rows, cancellationToken);
        return VendorResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context);
            if (count is { } n)
            {
                w.WriteNumber("@odata.count", n);
            }
            w.WriteStartArray("value");
            delta?.WriteRemoved(w, request);
            foreach (var row in rows)
            {
                shape.WriteEntity(w, row, select, expanded: expanded);
            }
            w.WriteEndArray();
            if (nextLink is not null)
            {
                w.WriteString("@odata.nextLink", nextLink);
            }
            if (deltaLink is not null)
            {
                w.WriteString("@odata.deltaLink", deltaLink);
            }
            w.WriteEndObject();
        }, delta is null ? null : new Dictionary<string, string> { ["Preference-Applied"] = DeltaQuery.Preference });
    }

    /// <summary>Loads each <c>$expand</c>ed navigation property for the rows of this page (one query each).</summary>
    public static async Task<IReadOnlyList<Action<Utf8JsonWriter, T>>> ExpandAsync<T>(
        IReadOnlyList<IExpansion<T>> expansions, VendorRequest request, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var writers = new List<Action<Utf8JsonWriter, T>>();
        foreach (var expansion in expansions)
        {
            writers.Add(await expansion.LoadAsync(request.Service<ErpDb>(), rows, cancellationToken));
        }
        return writers;
    }

    private static LambdaExpression SeqSelector<T>(EntityShape<T> shape)
        where T : class, ISequenced =>
        Expression.Lambda(Expression.Property(shape.Parameter, nameof(ISequenced.Seq)), shape.Parameter);

    private static IQueryable<T> Sort<T>(IQueryable<T> query, ParameterExpression parameter, List<(LambdaExpression Key, bool Descending)> keys)
    {
        var expression = query.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var (key, descending) = keys[i];
            var name = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var method = typeof(Queryable).GetMethods()
                .Single(m => m.Name == name && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(T), key.ReturnType);
            expression = Expression.Call(method, expression, Expression.Quote(Expression.Lambda(key.Body, parameter)));
        }
        return query.Provider.CreateQuery<T>(expression);
    }

    /// <summary>Rows after the last one sent, in sort order: (k1 &gt; v1) or (k1 = v1 and k2 &gt; v2) or ...</summary>
    private static Expression<Func<T, bool>> After<T>(ParameterExpression parameter, List<(LambdaExpression Key, bool Descending)> keys, IReadOnlyList<object?> values)
    {
        Expression? any = null;
        for (var i = 0; i < keys.Count; i++)
        {
            Expression term = Beyond(keys[i].Key.Body, Value(values[i], keys[i].Key.ReturnType), keys[i].Descending);
            for (var j = i - 1; j >= 0; j--)
            {
                term = Expression.AndAlso(Expression.Equal(keys[j].Key.Body, Value(values[j], keys[j].Key.ReturnType)), term);
            }
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }

    private static Expression Value(object? value, Type type) => value is null ? Expression.Constant(null, type) : QueryParameter.Of(value, type);

    private static BinaryExpression Beyond(Expression member, Expression value, bool descending)
    {
        if (member.Type == typeof(string))
        {
            var compare = Expression.Call(StringCompare, member, value);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return descending ? Expression.LessThan(member, value) : Expression.GreaterThan(member, value);
    }

    private static string NextLink(VendorRequest request, QueryOptions options, int? remainingTop, string? token, string? deltaToken)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        Add("$filter", options.Filter);
        Add("$orderby", options.OrderBy);
        Add("$select", options.Select);
        Add("$expand", options.Expand);
        Add("$count", options.Count ? "true" : null);
        Add("$top", remainingTop?.ToString(CultureInfo.InvariantCulture));
        Add("$deltatoken", deltaToken);
        Add("$skiptoken", token);
        return request.Url + query;
    }

    /// <summary>The sort values of a row, as an opaque URL-safe token.</summary>
    private static class SkipToken
    {
        public static string Encode(IEnumerable<object?> values)
        {
            var text = JsonSerializer.Serialize(values.Select(Text).ToArray());
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        public static IReadOnlyList<object?> Decode(string token, List<(LambdaExpression Key, bool Descending)> keys)
        {
            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var texts = JsonSerializer.Deserialize<string?[]>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))!;
                if (texts.Length != keys.Count)
                {
                    throw new FormatException("The token does not match the order of this request.");
                }
                return keys.Select((k, i) => Parse(texts[i], k.Key.ReturnType)).ToList();
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentException or OverflowException)
            {
                throw VendorError.BadRequest($"The skip token '{token}' is not valid for this request.");
            }
        }

        private static string? Text(object? value) => value switch
        {
            null => null,
            DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture),
            DateOnly d => d.DayNumber.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        private static object? Parse(string? text, Type type) => text is null ? null : (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => text,
            var t when t == typeof(DateTimeOffset) => new DateTimeOffset(long.Parse(text, CultureInfo.InvariantCulture), TimeSpan.Zero),
            var t when t == typeof(DateOnly) => DateOnly.FromDayNumber(int.Parse(text, CultureInfo.InvariantCulture)),
            var t when t == typeof(decimal) => decimal.Parse(text, CultureInfo.InvariantCulture),
            var t when t == typeof(int) => int.Parse(text, CultureInfo.InvariantCulture),
            var t when t == typeof(long) => long.Parse(text, CultureInfo.InvariantCulture),
            _ => throw new FormatException($"Cannot page on a {type}."),
        };
    }
}
