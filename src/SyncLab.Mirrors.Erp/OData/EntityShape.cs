using System.Linq.Expressions;
using System.Text.Json;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>The EDM types the mirror's pages use.</summary>
internal enum EdmKind
{
    String,
    Guid,
    Boolean,
    Int32,
    Int64,
    Decimal,
    DateTimeOffset,
    Date,
}

/// <summary>One property of an API page: its JSON name, type, how to read it and how to query it.</summary>
internal sealed class Field<T>
{
    public required string Name { get; init; }

    public required EdmKind Kind { get; init; }

    /// <summary>The record member for filters and ordering; null for computed or constant fields.</summary>
    public LambdaExpression? Selector { get; init; }

    public required Func<T, object?> Read { get; init; }

    /// <summary>
    /// Filters compare upper-cased text: <see cref="Selector"/> reads a stored upper-case key and string
    /// literals are upper-cased before they are compared, as a case-insensitive database collation would.
    /// </summary>
    public bool CaseInsensitive { get; init; }

    public bool Sortable => Selector is not null && Kind is not (EdmKind.Guid or EdmKind.Boolean);
}

/// <summary>
/// An API page as the vendor publishes it: entity name, entity set, fields in page order, and the
/// record members behind them. Filters, ordering, paging and JSON all come from here.
/// </summary>
internal sealed class EntityShape<T>
    where T : class, ISequenced
{
    private readonly List<Field<T>> _fields = [];
    private readonly Dictionary<string, Field<T>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IExpansion<T>> _expansions = new(StringComparer.Ordinal);

    public EntityShape(string entityName, string entitySet)
    {
        EntityName = entityName;
        EntitySet = entitySet;
        Parameter = Expression.Parameter(typeof(T), "r");
    }

    /// <summary>"item": error messages call the type <c>Microsoft.NAV.item</c>.</summary>
    public string EntityName { get; }

    public string EntitySet { get; }

    public ParameterExpression Parameter { get; }

    public IReadOnlyList<Field<T>> Fields => _fields;

    public Func<T, string>? ETag { get; private set; }

    public IReadOnlyList<(Field<T> Field, bool Descending)> DefaultOrder { get; private set; } = [];

    /// <summary>A property backed by a record member: filterable and (unless a GUID or boolean) sortable.</summary>
    public EntityShape<T> Map<TValue>(string name, Expression<Func<T, TValue>> member)
    {
        var body = new ParameterSwap(member.Parameters[0], Parameter).Visit(member.Body);
        var compiled = member.Compile();
        return Add(new Field<T>
        {
            Name = name,
            Kind = KindOf(typeof(TValue)),
            Selector = Expression.Lambda(body, Parameter),
            Read = r => compiled(r),
        });
    }

    /// <summary>
    /// A text property written from <paramref name="member"/> but filtered and sorted on <paramref name="key"/>,
    /// an upper-case copy kept beside it, so that <c>eq</c> and the string functions ignore case.
    /// </summary>
    public EntityShape<T> MapCaseInsensitive(string name, Expression<Func<T, string>> member, Expression<Func<T, string>> key)
    {
        var body = new ParameterSwap(key.Parameters[0], Parameter).Visit(key.Body);
        var compiled = member.Compile();
        return Add(new Field<T>
        {
            Name = name,
            Kind = EdmKind.String,
            Selector = Expression.Lambda(body, Parameter),
            Read = r => compiled(r),
            CaseInsensitive = true,
        });
    }

    /// <summary>A navigation property the client may ask for with <c>$expand</c> (the document's lines).</summary>
    public EntityShape<T> Expands(IExpansion<T> expansion)
    {
        _expansions.Add(expansion.Name, expansion);
        return this;
    }

    public IExpansion<T>? FindExpansion(string name) => _expansions.GetValueOrDefault(name);

    /// <summary>A property the mirror always answers the same way (a default the estate does not model).</summary>
    public EntityShape<T> Constant<TValue>(string name, TValue value) =>
        Add(new Field<T> { Name = name, Kind = KindOf(typeof(TValue)), Read = _ => value });

    public EntityShape<T> WithETag(Func<T, string> etag)
    {
        ETag = etag;
        return this;
    }

    public EntityShape<T> OrderedBy(params string[] names)
    {
        DefaultOrder = names.Select(n => (_byName[n], false)).ToList();
        return this;
    }

    public Field<T>? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The same page after an upgrade that renamed some of its fields (old name → new name): same records, order,
    /// ETags and expansions; a query naming an old field then fails as it would against the upgraded ERP.
    /// </summary>
    public EntityShape<T> Renamed(IReadOnlyDictionary<string, string> renames)
    {
        var renamed = new EntityShape<T>(EntityName, EntitySet) { ETag = ETag };
        foreach (var field in _fields)
        {
            renamed.Add(new Field<T>
            {
                Name = renames.GetValueOrDefault(field.Name, field.Name),
                Kind = field.Kind,
                Selector = field.Selector is null ? null : Expression.Lambda(new ParameterSwap(field.Selector.Parameters[0], renamed.Parameter).Visit(field.Selector.Body), renamed.Parameter),
                Read = field.Read,
                CaseInsensitive = field.CaseInsensitive,
            });
        }
        foreach (var expansion in _expansions.Values)
        {
            renamed._expansions.Add(expansion.Name, expansion);
        }
        renamed.DefaultOrder = DefaultOrder.Select(o => (renamed._byName[renames.GetValueOrDefault(o.Field.Name, o.Field.Name)], o.Descending)).ToList();
        return renamed;
    }

    public void WriteEntity(
        Utf8JsonWriter writer, T record, IReadOnlyList<Field<T>>? select = null, string? context = null, IReadOnlyList<Action<Utf8JsonWriter, T>>? expanded = null)
    {
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }
        if (ETag is not null)
        {
            writer.WriteString("@odata.etag", ETag(record));
        }
        foreach (var field in select ?? _fields)
        {
            ODataJson.WriteValue(writer, field.Name, field.Kind, field.Read(record));
        }
        foreach (var write in expanded ?? [])
        {
            write(writer, record);
        }
        writer.WriteEndObject();
    }

    private EntityShape<T> Add(Field<T> field)
    {
        _fields.Add(field);
        _byName.Add(field.Name, field);
        return this;
    }

    private static EdmKind KindOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => EdmKind.String,
        var t when t == typeof(Guid) => EdmKind.Guid,
        var t when t == typeof(bool) => EdmKind.Boolean,
        var t when t == typeof(int) => EdmKind.Int32,
        var t when t == typeof(long) => EdmKind.Int64,
        var t when t == typeof(decimal) => EdmKind.Decimal,
        var t when t == typeof(DateTimeOffset) => EdmKind.DateTimeOffset,
        var t when t == typeof(DateOnly) => EdmKind.Date,
        _ => throw new ArgumentException($"No EDM type for {type}.", nameof(type)),
    };

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
