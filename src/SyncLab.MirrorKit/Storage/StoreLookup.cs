// The InMemory store's tables are reached through its internal services, as SnapshotCachingTableFactory does.
#pragma warning disable EF1001

using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.InMemory.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SyncLab.MirrorKit.Storage;

/// <summary>
/// Rows by the value of one column, without walking the table. EF Core's InMemory provider has no indexes: every
/// query filters every row, so on a large estate a read by id costs time proportional to the estate. On an InMemory
/// store (with <see cref="SnapshotCachingTableFactory"/>) this answers from a lookup the table keeps per column, and
/// gives the same rows a query would (detached, as <c>AsNoTracking</c>, or attached to the context). On any other
/// store it answers null: the caller queries, and the store's own indexes (the model's <c>HasIndex</c>) do the work.
/// </summary>
public static class StoreLookup
{
    private static readonly ConcurrentDictionary<IEntityType, Func<object?[], object>> Materializers = new();

    private static readonly MethodInfo SetField = typeof(FieldInfo).GetMethod(nameof(FieldInfo.SetValue), [typeof(object), typeof(object)])!;

    /// <summary>
    /// The rows of <typeparamref name="T"/> whose <paramref name="property"/> is one of <paramref name="values"/>, detached
    /// (what <c>AsNoTracking().Where(r => values.Contains(r.Property))</c> returns); null when the store cannot look them up.
    /// </summary>
    public static List<T>? Where<T, TValue>(DbContext db, Expression<Func<T, TValue>> property, IEnumerable<TValue> values)
        where T : class
        where TValue : notnull
    {
        var entityType = db.Model.FindEntityType(typeof(T));
        if (entityType is null || !db.Database.IsInMemory())
        {
            return null;
        }
        var name = ((MemberExpression)property.Body).Member.Name;
        var column = entityType.GetFlattenedProperties().Select(p => p.Name).ToList().IndexOf(name);
        var tables = db.GetService<IInMemoryStoreProvider>().Store.GetTables(entityType);
        if (column < 0 || tables.Count > 1)
        {
            return null;
        }
        if (tables.Count == 0)
        {
            // Nothing was ever written to it: the store makes a table with its first row.
            return [];
        }
        if (tables[0].Rows is not ChunkedRows { Owner: { } table })
        {
            return null;
        }
        var materialize = Materializers.GetOrAdd(entityType, Materializer);
        return table.RowsWhere(column, values.Distinct().Select(v => (object)v)).Select(r => (T)materialize(r)).ToList();
    }

    /// <summary>
    /// As <see cref="Where{T, TValue}"/>, but tracked by <paramref name="db"/>, as a tracking query: a row the context already
    /// tracks comes back as the tracked entity, the others are attached unchanged.
    /// </summary>
    public static List<T>? Tracked<T, TValue>(DbContext db, Expression<Func<T, TValue>> property, IEnumerable<TValue> values)
        where T : class
        where TValue : notnull
    {
        var rows = Where(db, property, values);
        if (rows is null)
        {
            return null;
        }
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties;
        var tracked = db.ChangeTracker.Entries<T>().ToDictionary(e => KeyOf(key, e.Entity), e => e.Entity);
        var result = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            if (tracked.TryGetValue(KeyOf(key, row), out var known))
            {
                result.Add(known);
                continue;
            }
            db.Attach(row);
            result.Add(row);
        }
        return result;
    }

    private static string KeyOf(IReadOnlyList<IProperty> key, object entity) =>
        string.Join('\u001f', key.Select(p => Convert.ToString(p.GetGetter().GetClrValue(entity), System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// An entity from a snapshot row, as the provider lays it out (<c>GetFlattenedProperties</c>, model values): each value
    /// goes to the property's backing field where it has one, as EF Core's materializer does.
    /// </summary>
    private static Func<object?[], object> Materializer(IEntityType entityType)
    {
        var row = Expression.Parameter(typeof(object?[]), "row");
        var entity = Expression.Variable(entityType.ClrType, "entity");
        var body = new List<Expression> { Expression.Assign(entity, Expression.New(entityType.ClrType)) };
        var index = 0;
        foreach (var property in entityType.GetFlattenedProperties())
        {
            var value = Expression.ArrayIndex(row, Expression.Constant(index++));
            if (property.FieldInfo is { IsInitOnly: true } readOnly)
            {
                // The backing field of an init-only property: set as EF Core sets it, through reflection.
                body.Add(Expression.Call(Expression.Constant(readOnly), SetField, Expression.Convert(entity, typeof(object)), value));
            }
            else if ((property.FieldInfo ?? (MemberInfo?)property.PropertyInfo) is { } member)
            {
                var type = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
                body.Add(Expression.Assign(Expression.MakeMemberAccess(entity, member), Expression.Convert(value, type)));
            }
        }
        body.Add(Expression.Convert(entity, typeof(object)));
        return Expression.Lambda<Func<object?[], object>>(Expression.Block([entity], body), row).Compile();
    }
}
