using System.Collections.Concurrent;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>
/// An ERP upgrade that changed the shape of API pages: fields renamed or moved (an extension's new version, a
/// platform update), per entity set. The vendor surface answers the upgraded shape from then on — reads write
/// the new names, and a query naming an old field is refused as BC refuses an unknown property — until the
/// upgrade is rolled back. Per mirror instance; the office API never changes shape.
/// </summary>
internal sealed class ApiUpgrade
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _renames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string EntitySet, Type Record), object> _shapes = new();

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Renames => _renames;

    public void Set(string entitySet, IReadOnlyDictionary<string, string> renames)
    {
        _renames[entitySet] = renames;
        _shapes.Clear();
    }

    public void Reset()
    {
        _renames.Clear();
        _shapes.Clear();
    }

    /// <summary>The page as this ERP answers it now: the published shape, or its upgraded copy.</summary>
    public EntityShape<T> Shape<T>(EntityShape<T> published)
        where T : class, ISequenced =>
        _renames.TryGetValue(published.EntitySet, out var renames)
            ? (EntityShape<T>)_shapes.GetOrAdd((published.EntitySet, typeof(T)), _ => published.Renamed(renames))
            : published;
}
