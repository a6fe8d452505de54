using System.Text;
using System.Text.RegularExpressions;

namespace SyncLab.MirrorKit.Faults;

/// <summary>
/// Which calls a fault applies to: an HTTP method (or any) and a path pattern, matched against the
/// whole request path, case-insensitively. In the pattern, <c>{name}</c> stands for one path segment,
/// <c>*</c> for any characters within a segment and <c>**</c> for anything, across segments; a trailing
/// <c>/**</c> also matches the prefix itself, so <c>/v2/**</c> is "everything under /v2".
/// </summary>
public sealed class FaultRoute
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex _path;

    private FaultRoute(string? method, string pattern, Regex path)
    {
        Method = method;
        Pattern = pattern;
        _path = path;
    }

    /// <summary>Upper-case method, or null for any.</summary>
    public string? Method { get; }

    public string Pattern { get; }

    public static FaultRoute Any { get; } = Parse(null, "/**");

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && _path.IsMatch(path);

    /// <summary>Reads a method and a pattern; says what is wrong with them instead of throwing.</summary>
    public static bool TryParse(string? method, string? pattern, out FaultRoute route, out string? error)
    {
        route = Any;
        var normalizedMethod = string.IsNullOrWhiteSpace(method) || method.Trim() == "*" ? null : method.Trim().ToUpperInvariant();
        if (normalizedMethod is not null && !normalizedMethod.All(char.IsAsciiLetterUpper))
        {
            error = $"method '{method}' is not an HTTP method; leave it out or use '*' for any.";
            return false;
        }
        var text = string.IsNullOrWhiteSpace(pattern) ? "/**" : pattern.Trim();
        if (!text.StartsWith('/') || text.Contains('?', StringComparison.Ordinal))
        {
            error = $"path '{text}' must start with '/' and carry no query string.";
            return false;
        }
        if (text.StartsWith("/_synclab", StringComparison.OrdinalIgnoreCase) || text.Equals("/health", StringComparison.OrdinalIgnoreCase))
        {
            error = "admin routes (/_synclab/...) and /health are never faulted.";
            return false;
        }
        if (!TryBuildRegex(text, out var regex, out error))
        {
            return false;
        }
        route = new FaultRoute(normalizedMethod, text, regex);
        return true;
    }

    public static FaultRoute Parse(string? method, string pattern) =>
        TryParse(method, pattern, out var route, out var error) ? route : throw new ArgumentException(error, nameof(pattern));

    public override string ToString() => $"{Method ?? "*"} {Pattern}";

    private static bool TryBuildRegex(string pattern, out Regex regex, out string? error)
    {
        var builder = new StringBuilder("^");
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '{')
            {
                var close = pattern.IndexOf('}', i + 1);
                if (close < 0 || close == i + 1 || pattern[(i + 1)..close].Any(ch => ch is '/' or '{' or '*'))
                {
                    regex = null!;
                    error = $"path '{pattern}': a '{{' opens a segment parameter that must be closed, e.g. {{id}}.";
                    return false;
                }
                builder.Append("[^/]+");
                i = close + 1;
            }
            else if (c == '}')
            {
                regex = null!;
                error = $"path '{pattern}': '}}' without a matching '{{'.";
                return false;
            }
            else if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "/**" at the end matches the prefix itself as well as everything below it.
                var atEnd = i + 2 == pattern.Length;
                if (atEnd && builder.Length > 1 && builder[^1] == '/')
                {
                    builder.Length--;
                    builder.Append("(/.*)?");
                }
                else
                {
                    builder.Append(".*");
                }
                i += 2;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
                i++;
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
                i++;
            }
        }
        builder.Append('$');
        regex = new Regex(builder.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        error = null;
        return true;
    }
}
