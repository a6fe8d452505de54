using SyncLab.Engine.Products;
using YamlDotNet.RepresentationModel;

namespace SyncLab.Engine.Mapping;

/// <summary>The <c>fields</c> section: per product field, its ERP sources in order, each with a condition and transforms.</summary>
internal static class MappingFields
{
    public const string CreatedBeforeUpgrade = "createdBeforeUpgrade";

    private static readonly string[] Targets = [.. Enum.GetValues<ProductField>().Select(f => ValidationRule.CamelCase(f.ToString()))];

    private static readonly string[] Sources = [.. Enum.GetValues<ItemField>().Select(f => ValidationRule.CamelCase(f.ToString()))];

    public static IReadOnlyDictionary<ProductField, IReadOnlyList<FieldSource>> Read(YamlReader read, YamlNode node)
    {
        var fields = new Dictionary<ProductField, IReadOnlyList<FieldSource>>(CatalogRules.DefaultFields);
        foreach (var (name, (_, value)) in read.Keys(node, "fields", Targets))
        {
            var path = $"fields.{name}";
            var sources = read.List(value, path).Select((s, i) => Source(read, s, $"{path}[{i}]")).ToList();
            fields[Enum.Parse<ProductField>(name, ignoreCase: true)] = sources.Count > 0 ? sources : throw read.Error(value, path, "needs at least one source");
        }
        return fields;
    }

    /// <summary><c>- brand</c>, or <c>- from: description2</c> with <c>when: createdBeforeUpgrade</c> and <c>transforms: [trim]</c>.</summary>
    private static FieldSource Source(YamlReader read, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return new FieldSource(Field(read, node, path), []);
        }
        var keys = read.Keys(node, path, "from", "when", "transforms");
        if (!keys.TryGetValue("from", out var from))
        {
            throw read.Error(node, $"{path}.from", $"missing: which ERP field ({string.Join(", ", Sources)})");
        }
        var beforeUpgrade = false;
        if (keys.TryGetValue("when", out var when))
        {
            beforeUpgrade = read.Text(when.Value, $"{path}.when") == CreatedBeforeUpgrade
                ? true
                : throw read.Error(when.Value, $"{path}.when", $"unknown condition '{read.Text(when.Value, $"{path}.when")}' (expected {CreatedBeforeUpgrade})");
        }
        var transforms = keys.TryGetValue("transforms", out var list)
            ? read.List(list.Value, $"{path}.transforms").Select((t, i) => Transform(read, t, $"{path}.transforms[{i}]")).ToList()
            : [];
        return new FieldSource(Field(read, from.Value, $"{path}.from"), transforms, beforeUpgrade);
    }

    private static ItemField Field(YamlReader read, YamlNode node, string path)
    {
        var name = read.Text(node, path);
        return Sources.Contains(name, StringComparer.Ordinal)
            ? Enum.Parse<ItemField>(name, ignoreCase: true)
            : throw read.Error(node, path, $"unknown ERP field '{name}' (expected one of: {string.Join(", ", Sources)})");
    }

    /// <summary><c>trim</c>, <c>title-case</c>… or <c>replace: {pattern: '…', with: '…'}</c>.</summary>
    private static Transform Transform(YamlReader read, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            var name = read.Text(node, path);
            return Mapping.Transform.Simple.TryGetValue(name, out var simple)
                ? simple
                : throw read.Error(node, path, $"unknown transform '{name}' (expected one of: {string.Join(", ", Mapping.Transform.Simple.Keys)}, replace)");
        }
        var replace = read.Keys(node, path, "replace")["replace"].Value;
        var args = read.Keys(replace, $"{path}.replace", "pattern", "with");
        if (!args.TryGetValue("pattern", out var pattern))
        {
            throw read.Error(replace, $"{path}.replace.pattern", "missing: what to replace (a regular expression)");
        }
        var with = args.TryGetValue("with", out var w) ? read.Text(w.Value, $"{path}.replace.with") : string.Empty;
        return new ReplaceTransform(MappingFile.Pattern(read, pattern.Value, $"{path}.replace.pattern"), with);
    }
}
