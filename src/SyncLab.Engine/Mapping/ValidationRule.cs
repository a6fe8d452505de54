using System.Globalization;
using System.Text.RegularExpressions;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Mapping;

/// <summary>
/// A check the mapping makes before an item becomes or changes a storefront product. A failure is a data error on
/// that item (nothing is written for it; every other item flows), resolved by the next change that passes.
/// </summary>
/// <param name="Field">An ERP item field (<c>gtin</c>, <c>description</c>, <c>unitPrice</c>…) or a mapped product field (<c>title</c>, <c>vendor</c>, <c>productType</c>).</param>
/// <param name="Message">What the office should read; null: the rule describes itself.</param>
public sealed record ValidationRule(string Field, string? Message = null)
{
    /// <summary>Text fields rules may check: the ERP item's, then the mapped product's.</summary>
    public static IReadOnlyList<string> TextFields { get; } =
        [.. Enum.GetValues<ItemField>().Select(f => CamelCase(f.ToString())), .. Enum.GetValues<ProductField>().Select(f => CamelCase(f.ToString()))];

    /// <summary>Number fields rules may check.</summary>
    public static IReadOnlyList<string> NumberFields { get; } = ["unitPrice", "inventory", "lowStockThreshold"];

    /// <summary>A blank value fails.</summary>
    public bool Required { get; init; }

    /// <summary>A non-blank value must match (the whole value, when the pattern anchors it).</summary>
    public Regex? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool IsNumber => NumberFields.Contains(Field, StringComparer.Ordinal);

    /// <summary>Why the item fails this rule; null when it passes.</summary>
    public string? Failure(ErpItemState item, CatalogRules rules) =>
        IsNumber ? NumberFailure(NumberValue(item)) : TextFailure(TextValue(item, rules));

    private string? TextFailure(string value)
    {
        var trimmed = value.Trim();
        var why = trimmed.Length == 0
            ? (Required ? "is blank" : null)
            : Pattern is { } pattern && !pattern.IsMatch(trimmed) ? $"does not match {pattern}"
            : MinLength is { } min && trimmed.Length < min ? $"is shorter than {min} characters"
            : MaxLength is { } max && trimmed.Length > max ? $"is longer than {max} characters"
            : null;
        return why is null ? null : Describe($"{Field} '{trimmed}' {why}");
    }

    private string? NumberFailure(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var why = Min is { } min && value < min ? $"is below {min.ToString(CultureInfo.InvariantCulture)}"
            : Max is { } max && value > max ? $"is above {max.ToString(CultureInfo.InvariantCulture)}"
            : null;
        return why is null ? null : Describe($"{Field} {text} {why}");
    }

    private string Describe(string fact) => Message is null ? $"{fact} (a validation rule of the mapping)" : $"{Message} ({fact})";

    private decimal NumberValue(ErpItemState item) => Field switch
    {
        "unitPrice" => item.UnitPrice,
        "inventory" => item.Inventory,
        "lowStockThreshold" => item.LowStockThreshold,
        _ => throw new InvalidOperationException($"'{Field}' is not a number field"),
    };

    private string TextValue(ErpItemState item, CatalogRules rules)
    {
        var field = char.ToUpperInvariant(Field[0]) + Field[1..];
        if (Enum.TryParse<ProductField>(field, out var product))
        {
            return ProductPlan.Map(item, product, rules) ?? string.Empty;
        }
        return Enum.TryParse<ItemField>(field, out var source)
            ? FieldSource.Read(item, source)
            : throw new InvalidOperationException($"'{Field}' is not a text field");
    }

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Throws the data error of the first rule the item fails.</summary>
    public static void Check(ErpItemState item, CatalogRules rules)
    {
        foreach (var rule in rules.Validations)
        {
            if (rule.Failure(item, rules) is { } failure)
            {
                throw new DataErrorException($"{item.Sku}: {failure}");
            }
        }
    }
}
