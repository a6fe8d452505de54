using System.Text;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>One term of Shopify's search syntax: <c>sku:ABC</c>, <c>-status:draft</c>, <c>updated_at:&gt;'2026-01-01'</c>, or free text.</summary>
public sealed record SearchTerm(string? Field, string Comparator, IReadOnlyList<string> Values, bool Negated)
{
    /// <summary>The first value; terms with a comma list (<c>status:active,draft</c>) have several.</summary>
    public string Value => Values[0];

    /// <summary>A trailing <c>*</c> asks for a prefix match.</summary>
    public bool IsPrefix => Value.Length > 1 && Value.EndsWith('*');
}

/// <summary>
/// The subset of Shopify's search syntax the mirror understands: terms joined by spaces (AND) and
/// <c>OR</c>, <c>-</c>/<c>NOT</c> negation, quoted values, comma lists, a trailing <c>*</c> for prefixes
/// and the comparators <c>&gt; &gt;= &lt; &lt;=</c>. Parentheses are ignored (AND binds tighter than OR).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> AnyOf)
{
    public static SearchQuery Empty { get; } = new([]);

    public bool IsEmpty => AnyOf.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }
        var groups = new List<IReadOnlyList<SearchTerm>>();
        var current = new List<SearchTerm>();
        var negateNext = false;
        foreach (var token in Tokenize(text))
        {
            if (token == "OR")
            {
                if (current.Count > 0)
                {
                    groups.Add(current);
                    current = [];
                }
                continue;
            }
            if (token == "AND")
            {
                continue;
            }
            if (token == "NOT")
            {
                negateNext = true;
                continue;
            }
            current.Add(ParseTerm(token, negateNext));
            negateNext = false;
        }
        if (current.Count > 0)
        {
            groups.Add(current);
        }
        return new SearchQuery(groups);
    }

    private static SearchTerm ParseTerm(string token, bool negated)
    {
        if (token.StartsWith('-') && token.Length > 1)
        {
            negated = !negated;
            token = token[1..];
        }
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return new SearchTerm(null, ":", [Unquote(token)], negated);
        }
        var field = token[..colon].ToLowerInvariant();
        var rest = token[(colon + 1)..];
        var comparator = ":";
        foreach (var op in new[] { ">=", "<=", ">", "<" })
        {
            if (rest.StartsWith(op, StringComparison.Ordinal))
            {
                comparator = op;
                rest = rest[op.Length..];
                break;
            }
        }
        var values = Unquote(rest).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new SearchTerm(field, comparator, values.Length > 0 ? values : [string.Empty], negated);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0] ? value[1..^1] : value;

    private static IEnumerable<string> Tokenize(string text)
    {
        var token = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                token.Append(c);
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                token.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }
            }
            else
            {
                token.Append(c);
            }
        }
        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}
