using System.Globalization;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>The system query options of a collection request, validated against the page.</summary>
internal sealed record QueryOptions(
    string? Filter,
    int? Top,
    int? Skip,
    string? OrderBy,
    string? Select,
    string? SkipToken,
    bool Count,
    string? Expand = null,
    string? DeltaToken = null)
{
    private static readonly HashSet<string> Known = ["$filter", "$top", "$skip", "$orderby", "$select", "$skiptoken", "$count", "$expand", "$format", "$schemaversion", "$deltatoken"];

    public static QueryOptions Parse(IReadOnlyDictionary<string, string> query)
    {
        foreach (var name in query.Keys.Where(k => k.StartsWith('$')))
        {
            if (!Known.Contains(name))
            {
                throw VendorError.BadRequest($"The query parameter '{name}' is not supported.");
            }
        }
        return new QueryOptions(
            Value(query, "$filter"),
            Number(query, "$top"),
            Number(query, "$skip"),
            Value(query, "$orderby"),
            Value(query, "$select"),
            Value(query, "$skiptoken"),
            Value(query, "$count") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw VendorError.BadRequest($"'{other}' is not a valid count option."),
            },
            Value(query, "$expand"),
            Value(query, "$deltatoken"));
    }

    /// <summary>The navigation properties named in <c>$expand</c>; nested options (<c>lines($select=...)</c>) are not supported.</summary>
    public IReadOnlyList<IExpansion<T>> Expanded<T>(EntityShape<T> shape)
        where T : class, ISequenced
    {
        if (string.IsNullOrWhiteSpace(Expand))
        {
            return [];
        }
        var expansions = new List<IExpansion<T>>();
        foreach (var name in Expand.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            if (name.Contains('(', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal))
            {
                throw VendorError.BadRequest($"The query parameter '$expand' with nested options or paths ('{name}') is not supported.");
            }
            expansions.Add(shape.FindExpansion(name) ?? throw VendorError.NoSuchProperty(name, shape.EntityName));
        }
        return expansions;
    }

    public IReadOnlyList<(Field<T> Field, bool Descending)> Order<T>(EntityShape<T> shape)
        where T : class, ISequenced
    {
        if (string.IsNullOrWhiteSpace(OrderBy))
        {
            return shape.DefaultOrder;
        }
        var order = new List<(Field<T>, bool)>();
        foreach (var clause in OrderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = shape.Find(parts[0]) ?? throw VendorError.NoSuchProperty(parts[0], shape.EntityName);
            if (!field.Sortable)
            {
                throw VendorError.BadRequest($"The property '{field.Name}' cannot be used in the $orderby query option.");
            }
            var descending = parts.Length switch
            {
                1 => false,
                2 when parts[1] == "asc" => false,
                2 when parts[1] == "desc" => true,
                _ => throw VendorError.Syntax($"Syntax error at position {clause.Length} in '{OrderBy}'."),
            };
            order.Add((field, descending));
        }
        return order;
    }

    public IReadOnlyList<Field<T>>? Selected<T>(EntityShape<T> shape)
        where T : class, ISequenced
    {
        if (string.IsNullOrWhiteSpace(Select) || Select.Trim() == "*")
        {
            return null;
        }
        var names = Select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Where(n => shape.Find(n) is null))
        {
            throw VendorError.NoSuchProperty(name, shape.EntityName);
        }
        // The vendor keeps page order whatever order $select names them in.
        return shape.Fields.Where(f => names.Contains(f.Name)).ToList();
    }

    private static string? Value(IReadOnlyDictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var v) ? v : null;

    private static int? Number(IReadOnlyDictionary<string, string> query, string name)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw VendorError.BadRequest($"Invalid value '{text}' for {name} query option found. The {name} query option requires a non-negative integer value.");
    }
}
