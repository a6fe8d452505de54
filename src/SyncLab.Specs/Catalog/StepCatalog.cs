using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Reqnroll;

namespace SyncLab.Specs.Catalog;

/// <summary>
/// Every step a scenario may use, read from the bindings themselves, with an example taken from the
/// feature files: the source of <c>docs/steps.md</c>, so someone who never saw the code can write a scenario.
/// </summary>
public static class StepCatalog
{
    public sealed record Entry(string Group, string Keyword, string Pattern, string? Example);

    public static IReadOnlyList<Entry> Entries(IEnumerable<string> featureLines)
    {
        var lines = featureLines.Select(l => l.Trim()).ToList();
        return typeof(StepCatalog).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<BindingAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods().SelectMany(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>()).Select(a => (Type: t, Attribute: a)))
            .Select(x => new Entry(
                Group(x.Type.Name),
                Keyword(x.Attribute),
                x.Attribute.Expression ?? string.Empty,
                Example(x.Attribute.Expression ?? string.Empty, lines)))
            .ToList();
    }

    /// <summary>The Markdown of docs/steps.md.</summary>
    public static string Markdown(IEnumerable<string> featureLines)
    {
        var text = new StringBuilder();
        text.AppendLine("# Steps for writing scenarios");
        text.AppendLine();
        text.AppendLine("Generated from the step bindings in `src/SyncLab.Specs` (do not edit by hand: `synclab steps --out docs/steps.md`;");
        text.AppendLine("a test fails when this file is out of date). Each step with its pattern and an example from `specs/`.");
        text.AppendLine("Quoted names (\"the mug\") are names a scenario gives to estate items or shoppers; Given, When and Then");
        text.AppendLine("can each be written as And/But after a step of the same kind.");
        foreach (var group in Entries(featureLines).GroupBy(e => e.Group))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {group.Key}");
            text.AppendLine();
            text.AppendLine("| step | pattern | example |");
            text.AppendLine("|---|---|---|");
            foreach (var entry in group)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {entry.Keyword} | `{Cell(entry.Pattern)}` | {(entry.Example is null ? "(no scenario uses it yet)" : Cell(entry.Example))} |");
            }
        }
        return text.ToString();
    }

    private static string Group(string bindingClass) => bindingClass.EndsWith("Steps", StringComparison.Ordinal)
        ? bindingClass[..^"Steps".Length] switch
        {
            "Erp" => "ERP (Business Central)",
            "Storefront" => "Storefront (Shopify)",
            "Engine" => "Engine",
            "Estate" => "Estate and staging",
            "Order" => "Orders (storefront and ERP)",
            "Fulfilment" => "Fulfilment (warehouse, storefront and ERP)",
            "Return" => "Returns and refunds (storefront and ERP)",
            var other => other,
        }
        : bindingClass;

    private static string Keyword(StepDefinitionBaseAttribute attribute) => attribute switch
    {
        GivenAttribute => "Given",
        WhenAttribute => "When",
        ThenAttribute => "Then",
        _ => "Step",
    };

    private static string? Example(string pattern, List<string> lines)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        foreach (var line in lines)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line[..space] is "Given" or "When" or "Then" or "And" or "But" && regex.IsMatch(line[(space + 1)..]))
            {
                return line;
            }
        }
        return null;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
