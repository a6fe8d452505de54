using SyncLab.Engine.Mapping;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Tests.Mapping;

/// <summary>The mapping files under <c>fixtures/mappings/</c>, and a way to say what a mapping decides, comparably.</summary>
internal static class MappingFixtures
{
    public static string Path(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "SyncLab.sln")))
        {
            root = root.Parent;
        }
        return root is null
            ? throw new InvalidOperationException($"No SyncLab.sln above {AppContext.BaseDirectory}")
            : System.IO.Path.Combine(root.FullName, "fixtures", "mappings", name);
    }

    public static CatalogRules Load(string name) => MappingFile.Load(Path(name));

    /// <summary>Every setting of a mapping as text, tables sorted, so two mappings compare equal exactly when they say the same.</summary>
    public static IReadOnlyList<string> Describe(CatalogRules rules) =>
    [
        $"upgrade {rules.BrandUpgradeDate}",
        .. rules.Fields.OrderBy(f => f.Key).Select(f => $"field {f.Key} = " + string.Join(" | ", f.Value.Select(s =>
            $"{s.From}{(s.BeforeUpgradeOnly ? " before upgrade" : "")} [{string.Join(", ", s.Transforms.Select(t => t is ReplaceTransform r ? $"replace {r.Pattern} with {r.With}" : t.Name))}]"))),
        .. Table("shorthand", rules.Shorthand),
        .. Table("unit", rules.UnitsOfMeasure),
        .. Table("lifecycle", rules.LifecycleCodes),
        .. Table("country", rules.Countries),
        .. Table("state", rules.States),
        .. Table("low stock", rules.LowStockByCategory),
        .. rules.Validations.Select(v => $"validate {v.Field} required={v.Required} pattern={v.Pattern} length={v.MinLength}..{v.MaxLength} range={v.Min}..{v.Max} message={v.Message}"),
        $"low stock default {rules.DefaultLowStockThreshold}, markdown {rules.ClearanceMarkdown}, minimum price {rules.MinimumPrice}",
        $"tags {rules.LowStockTag} {rules.ClearanceTag} {rules.BackSoonTag} {rules.PreorderTag} {rules.RestockTagPrefix}",
    ];

    private static IEnumerable<string> Table<T>(string name, IReadOnlyDictionary<string, T> table) =>
        table.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Select(e => $"{name} '{e.Key.ToUpperInvariant()}' = {e.Value}");
}
