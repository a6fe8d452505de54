using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SyncLab.Engine.Mapping;

/// <summary>Reads the nodes of one mapping file strictly: every wrong key, type or value is a <see cref="MappingFileException"/> naming file, line and key.</summary>
internal sealed class YamlReader(string file)
{
    public MappingFileException Error(YamlNode node, string key, string problem) => new(file, node.Start.Line, key, problem);

    /// <summary>The mapping's keys, each checked against <paramref name="allowed"/>; a key twice or unknown is an error.</summary>
    public IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> Keys(YamlNode node, string path, params string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, $"expected keys ({string.Join(", ", allowed)}), found {Kind(node)}");
        }
        var keys = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = Text(key, path);
            var at = Join(path, name);
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, at, $"unknown key (expected one of: {string.Join(", ", allowed)})");
            }
            if (!keys.TryAdd(name, (key, value)))
            {
                throw Error(key, at, "given twice");
            }
        }
        return keys;
    }

    /// <summary>A table's entries in file order, keys trimmed; the same key twice (in any case) is an error.</summary>
    public IReadOnlyList<(string Key, YamlNode KeyNode, YamlNode Value)> Table(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, $"expected a table of codes, found {Kind(node)}");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<(string, YamlNode, YamlNode)>();
        foreach (var (key, value) in mapping.Children)
        {
            var name = Text(key, path).Trim();
            if (!seen.Add(name))
            {
                throw Error(key, Join(path, name), "given twice (codes are matched trimmed and in any case)");
            }
            entries.Add((name, key, value));
        }
        return entries;
    }

    public IReadOnlyList<YamlNode> List(YamlNode node, string path) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : throw Error(node, path, $"expected a list, found {Kind(node)}");

    public string Text(YamlNode node, string path) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error(node, path, $"expected a text, found {Kind(node)}");

    public string NonBlank(YamlNode node, string path)
    {
        var text = Text(node, path);
        return string.IsNullOrWhiteSpace(text) ? throw Error(node, path, "must not be blank") : text;
    }

    public bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar && scalar.Value is null or "" or "~" or "null";

    public int Int(YamlNode node, string path, int min = int.MinValue) =>
        int.TryParse(Text(node, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value >= min ? value : throw Error(node, path, $"must be at least {min}, found {value}")
            : throw Error(node, path, $"expected a whole number, found '{Text(node, path)}'");

    public decimal Decimal(YamlNode node, string path) =>
        decimal.TryParse(Text(node, path), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, path, $"expected a number, found '{Text(node, path)}'");

    public bool Bool(YamlNode node, string path) => Text(node, path) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(node, path, $"expected true or false, found '{other}'"),
    };

    public DateOnly Date(YamlNode node, string path) =>
        DateOnly.TryParseExact(Text(node, path), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(node, path, $"expected a date (yyyy-MM-dd), found '{Text(node, path)}'");

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "keys",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };
}
