using System.Text.RegularExpressions;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Mapping;

/// <summary>A text transform a field mapping applies to an ERP value on its way to the storefront.</summary>
public abstract partial record Transform
{
    /// <summary>The transform's name in a mapping file.</summary>
    public abstract string Name { get; }

    public abstract string Apply(string value, CatalogRules rules);

    public static Transform Trim { get; } = new Named("trim", (v, _) => v.Trim());

    public static Transform Upper { get; } = new Named("upper", (v, _) => v.ToUpperInvariant());

    public static Transform Lower { get; } = new Named("lower", (v, _) => v.ToLowerInvariant());

    /// <summary>"T-SHIRT BLK" → "T-Shirt Blk": every word capitalised, the rest lower case.</summary>
    public static Transform TitleCase { get; } = new Named("title-case", (v, _) => ProductPlan.TitleCase(v));

    /// <summary>Runs of white space become one space, and the ends are trimmed.</summary>
    public static Transform CollapseSpaces { get; } = new Named("collapse-spaces", (v, _) => Spaces().Replace(v, " ").Trim());

    /// <summary>Office shorthand expanded and title-cased, for text typed all in capitals; mixed case stays as typed.</summary>
    public static Transform Shorthand { get; } = new Named("shorthand", (v, rules) => ProductPlan.Title(v, rules));

    /// <summary>The transforms without arguments, by name.</summary>
    public static IReadOnlyDictionary<string, Transform> Simple { get; } =
        new[] { Trim, Upper, Lower, TitleCase, CollapseSpaces, Shorthand }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private sealed record Named(string TransformName, Func<string, CatalogRules, string> Function) : Transform
    {
        public override string Name => TransformName;

        public override string Apply(string value, CatalogRules rules) => Function(value, rules);
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

/// <summary>Every match of <see cref="Pattern"/> replaced by <see cref="With"/> (<c>$1</c> refers to a group).</summary>
public sealed record ReplaceTransform(Regex Pattern, string With) : Transform
{
    public override string Name => "replace";

    public override string Apply(string value, CatalogRules rules) => Pattern.Replace(value, With);
}
