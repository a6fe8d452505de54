using SyncLab.Gherkin.Tags;

namespace SyncLab.Gherkin;

/// <summary>
/// A Cucumber tag expression, e.g. <c>@orders and not @manual</c>, <c>@smoke or @nightly</c>,
/// <c>(@a or @b) and not @c</c>. Tags compare case-insensitively; a tag written without '@' gets one.
/// An empty expression matches every scenario.
/// </summary>
public sealed class TagExpression
{
    private readonly TagExpressionNode _root;

    private TagExpression(TagExpressionNode root) => _root = root;

    /// <summary>Parses <paramref name="expression"/>; null or blank matches everything.</summary>
    /// <exception cref="FormatException">The expression is not valid; the message says why.</exception>
    public static TagExpression Parse(string? expression) => new(TagExpressionParser.Parse(expression ?? string.Empty));

    /// <summary>Whether a scenario with these tags (with their '@') is selected.</summary>
    public bool Matches(IEnumerable<string> tags) => _root.Evaluate(new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase));

    public override string ToString() => _root.ToString();
}
