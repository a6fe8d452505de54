using System.Text.RegularExpressions;
using SyncLab.Engine.Products;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SyncLab.Engine.Mapping;

/// <summary>
/// Loads an estate's mapping file (YAML, format <c>mapping: 1</c>) into <see cref="CatalogRules"/>. What the file leaves
/// out stays as in <see cref="CatalogRules.Default"/>; a table or field the file gives replaces the default one as a
/// whole. Anything the engine could not act on exactly as written — an unknown key, a wrong type, an unknown meaning, a
/// code longer than the ERP's field, a bad pattern — is refused at load with the file, line and key, never at run time.
/// </summary>
public static class MappingFile
{
    public const int Version = 1;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static CatalogRules Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new MappingFileException(path, 0, string.Empty, $"cannot read the mapping file: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Checks and loads a mapping file's text; <paramref name="file"/> names it in errors.</summary>
    public static CatalogRules Parse(string text, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new MappingFileException(file, e.Start.Line, string.Empty, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (yaml.Documents.Count != 1)
        {
            throw new MappingFileException(file, 1, string.Empty, $"expected one YAML document starting 'mapping: {Version}', found {yaml.Documents.Count}");
        }
        var read = new YamlReader(file);
        var root = yaml.Documents[0].RootNode;
        var keys = read.Keys(root, string.Empty, "mapping", "upgradeDate", "fields", "codeTables", "validation", "lowStock", "clearanceMarkdown", "minimumPrice", "tags");
        if (!keys.TryGetValue("mapping", out var version))
        {
            throw read.Error(root, "mapping", $"missing: the file must say its format, 'mapping: {Version}'");
        }
        if (read.Text(version.Value, "mapping") != Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw read.Error(version.Value, "mapping", $"this engine reads mapping format {Version}, the file is '{read.Text(version.Value, "mapping")}'");
        }
        var rules = CatalogRules.Default;
        if (keys.TryGetValue("upgradeDate", out var upgrade))
        {
            rules = rules with { BrandUpgradeDate = read.IsNull(upgrade.Value) ? null : read.Date(upgrade.Value, "upgradeDate") };
        }
        if (keys.TryGetValue("fields", out var fields))
        {
            rules = rules with { Fields = MappingFields.Read(read, fields.Value) };
        }
        if (keys.TryGetValue("codeTables", out var tables))
        {
            rules = CodeTables(read, tables.Value, rules);
        }
        if (keys.TryGetValue("validation", out var validation))
        {
            rules = rules with { Validations = read.List(validation.Value, "validation").Select((r, i) => MappingValidation.Read(read, r, $"validation[{i}]")).ToList() };
        }
        if (keys.TryGetValue("lowStock", out var lowStock))
        {
            rules = LowStock(read, lowStock.Value, rules);
        }
        if (keys.TryGetValue("clearanceMarkdown", out var markdown))
        {
            var share = read.Decimal(markdown.Value, "clearanceMarkdown");
            rules = share is >= 0 and < 1 ? rules with { ClearanceMarkdown = share } : throw read.Error(markdown.Value, "clearanceMarkdown", $"a share of the price from 0 to below 1 (0.30 is 30 % off), found {share}");
        }
        if (keys.TryGetValue("minimumPrice", out var minimum))
        {
            var price = read.Decimal(minimum.Value, "minimumPrice");
            rules = price >= 0 ? rules with { MinimumPrice = price } : throw read.Error(minimum.Value, "minimumPrice", "must not be negative");
        }
        return keys.TryGetValue("tags", out var tags) ? Tags(read, tags.Value, rules) : rules;
    }

    /// <summary>A pattern as the engine runs it (culture-invariant, with a timeout); a bad one is an error at its line.</summary>
    internal static Regex Pattern(YamlReader read, YamlNode node, string path)
    {
        var pattern = read.NonBlank(node, path);
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException e)
        {
            throw read.Error(node, path, $"not a valid pattern: {e.Message}");
        }
    }

    private static CatalogRules CodeTables(YamlReader read, YamlNode node, CatalogRules rules)
    {
        var tables = read.Keys(node, "codeTables", "shorthand", "unitsOfMeasure", "lifecycle", "countries", "states");
        if (tables.TryGetValue("shorthand", out var shorthand))
        {
            rules = rules with { Shorthand = Codes(read, shorthand.Value, "codeTables.shorthand", maxLength: null, (key, keyNode, value, at) =>
            {
                // Titles are expanded a word or a pair of words at a time: a longer key could never match.
                if (key.Length == 0 || key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 2)
                {
                    throw read.Error(keyNode, at, "shorthand is one word or two words of a description");
                }
                return read.NonBlank(value, at).Trim();
            }) };
        }
        if (tables.TryGetValue("unitsOfMeasure", out var units))
        {
            rules = rules with { UnitsOfMeasure = Codes(read, units.Value, "codeTables.unitsOfMeasure", CatalogRules.ErpCodeLength, (_, _, value, at) => read.NonBlank(value, at).Trim()) };
        }
        if (tables.TryGetValue("lifecycle", out var lifecycle))
        {
            rules = rules with { LifecycleCodes = Codes(read, lifecycle.Value, "codeTables.lifecycle", CatalogRules.ErpCodeLength, (_, _, value, at) => read.Text(value, at) switch
            {
                "active" => Lifecycle.Active,
                "end-of-line" => Lifecycle.EndOfLine,
                "discontinued" => Lifecycle.Discontinued,
                var other => throw read.Error(value, at, $"unknown meaning '{other}' (expected active, end-of-line or discontinued)"),
            }) };
        }
        if (tables.TryGetValue("countries", out var countries))
        {
            rules = rules with { Countries = Codes(read, countries.Value, "codeTables.countries", CatalogRules.ErpCodeLength, (_, _, value, at) =>
            {
                var code = read.NonBlank(value, at).Trim();
                return code.Length == 2 && code.All(char.IsAsciiLetterUpper)
                    ? code
                    : throw read.Error(value, at, $"the storefront takes ISO 3166 two-letter country codes in capitals (GB, US), found '{code}'");
            }) };
        }
        if (tables.TryGetValue("states", out var states))
        {
            // The office's own on top of the US states by name: a file adds abbreviations, it does not have to repeat the states.
            var own = Codes(read, states.Value, "codeTables.states", CatalogRules.StateLength, (_, _, value, at) =>
            {
                var code = read.NonBlank(value, at).Trim();
                return code.Length is >= 1 and <= 3 && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
                    ? code
                    : throw read.Error(value, at, $"the storefront takes province codes of one to three capitals or digits (OR, ON, NSW), found '{code}'");
            });
            var merged = new Dictionary<string, string>(CatalogRules.UsStates, StringComparer.OrdinalIgnoreCase);
            foreach (var (state, code) in own)
            {
                merged[state] = code;
            }
            rules = rules with { States = merged };
        }
        return rules;
    }

    /// <summary>A code table: keys as the office keys them (trimmed, any case), no longer than the ERP's field allows.</summary>
    private static Dictionary<string, T> Codes<T>(YamlReader read, YamlNode node, string path, int? maxLength, Func<string, YamlNode, YamlNode, string, T> value)
    {
        var table = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, keyNode, valueNode) in read.Table(node, path))
        {
            var at = YamlReader.Join(path, key);
            if (key.Length > maxLength)
            {
                throw read.Error(keyNode, at, $"the code is {key.Length} characters but the ERP's field holds {maxLength}: it can never match");
            }
            table[key] = value(key, keyNode, valueNode, at);
        }
        return table;
    }

    private static CatalogRules LowStock(YamlReader read, YamlNode node, CatalogRules rules)
    {
        var keys = read.Keys(node, "lowStock", "default", "byCategory");
        if (keys.TryGetValue("default", out var threshold))
        {
            rules = rules with { DefaultLowStockThreshold = read.Int(threshold.Value, "lowStock.default", min: 0) };
        }
        if (keys.TryGetValue("byCategory", out var byCategory))
        {
            rules = rules with { LowStockByCategory = Codes(read, byCategory.Value, "lowStock.byCategory", CatalogRules.ErpCategoryLength, (_, _, value, at) => read.Int(value, at, min: 0)) };
        }
        return rules;
    }

    private static CatalogRules Tags(YamlReader read, YamlNode node, CatalogRules rules)
    {
        var keys = read.Keys(node, "tags", "lowStock", "clearance", "backSoon", "preorder", "restockPrefix");
        string Tag(string key, string current) => keys.TryGetValue(key, out var tag) ? read.NonBlank(tag.Value, $"tags.{key}").Trim() : current;
        return rules with
        {
            LowStockTag = Tag("lowStock", rules.LowStockTag),
            ClearanceTag = Tag("clearance", rules.ClearanceTag),
            BackSoonTag = Tag("backSoon", rules.BackSoonTag),
            PreorderTag = Tag("preorder", rules.PreorderTag),
            RestockTagPrefix = Tag("restockPrefix", rules.RestockTagPrefix),
        };
    }
}
