using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>A navigation property of a page that <c>$expand</c> writes inline, e.g. a document's lines.</summary>
internal interface IExpansion<T>
{
    string Name { get; }

    /// <summary>Loads the children of every parent in one query; the result writes one parent's array.</summary>
    Task<Action<Utf8JsonWriter, T>> LoadAsync(ErpDb db, IReadOnlyList<T> parents, CancellationToken cancellationToken);
}

/// <summary>Children of <typeparamref name="TChild"/> whose <c>parentKey</c> is the parent's id, written with their own page shape.</summary>
internal sealed class Expansion<TParent, TChild>(
    string name,
    Func<EntityShape<TChild>> shape,
    Func<TParent, Guid> parentId,
    Expression<Func<TChild, Guid>> parentKey,
    Func<ErpDb, IQueryable<TChild>> source) : IExpansion<TParent>
    where TChild : class, ISequenced
{
    private static readonly System.Reflection.MethodInfo Contains =
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(Guid));

    private readonly Func<TChild, Guid> _key = parentKey.Compile();

    public string Name { get; } = name;

    public async Task<Action<Utf8JsonWriter, TParent>> LoadAsync(ErpDb db, IReadOnlyList<TParent> parents, CancellationToken cancellationToken)
    {
        var ids = parents.Select(parentId).Distinct().ToList();
        var among = Expression.Lambda<Func<TChild, bool>>(
            Expression.Call(Contains, QueryParameter.Of(ids, typeof(IEnumerable<Guid>)), parentKey.Body), parentKey.Parameters);
        var children = await source(db).AsNoTracking().Where(among).ToListAsync(cancellationToken);
        var page = shape();
        var first = page.DefaultOrder.Count > 0 ? page.DefaultOrder[0].Field : null;
        var byParent = children
            .OrderBy(c => first?.Read(c), Comparer<object?>.Default)
            .ThenBy(c => c.Seq)
            .ToLookup(_key);
        return (writer, parent) =>
        {
            writer.WriteStartArray(Name);
            foreach (var child in byParent[parentId(parent)])
            {
                page.WriteEntity(writer, child);
            }
            writer.WriteEndArray();
        };
    }
}
