using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SyncLab.Mirrors.Erp.OData;

internal abstract record FilterNode;

internal sealed record BinaryNode(string Operator, FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record NotNode(FilterNode Operand) : FilterNode;

internal sealed record PropertyNode(string Name) : FilterNode;

internal sealed record CallNode(string Function, IReadOnlyList<FilterNode> Arguments) : FilterNode;

internal enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,
    DateTimeOffset,
    Date,
    Guid,
}

internal sealed record LiteralNode(LiteralKind Kind, object? Value, string Text) : FilterNode;

/// <summary>
/// The part of OData v4 <c>$filter</c> that Business Central's API pages accept: comparisons
/// (eq ne gt ge lt le), and/or/not, parentheses, contains/startswith/endswith, and literals
/// ('text' with '' escapes, numbers, true/false/null, 2026-11-02T09:00:00Z, 2026-11-02, GUIDs).
/// </summary>
internal static partial class FilterParser
{
    private static readonly HashSet<string> Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];

    public static FilterNode Parse(string filter)
    {
        var tokens = Tokenize(filter);
        var parser = new Cursor(tokens, filter);
        var node = parser.Or();
        if (!parser.AtEnd)
        {
            throw VendorError.Syntax($"Syntax error at position {parser.Position} in '{filter}'.");
        }
        return node;
    }

    private enum TokenKind
    {
        Word,
        String,
        Open,
        Close,
        Comma,
    }

    private sealed record Token(TokenKind Kind, string Text, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, _ => TokenKind.Comma }, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                var start = i++;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw VendorError.Syntax($"There is an unterminated string literal at position {start} in '{text}'.");
                    }
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.Append(text[i++]);
                }
                tokens.Add(new Token(TokenKind.String, value.ToString(), start));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '\''))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
        }
        return tokens;
    }

    private sealed class Cursor(List<Token> tokens, string text)
    {
        private int _index;

        public bool AtEnd => _index >= tokens.Count;

        public int Position => AtEnd ? text.Length : tokens[_index].Position;

        public FilterNode Or()
        {
            var left = And();
            while (TakeWord("or"))
            {
                left = new BinaryNode("or", left, And());
            }
            return left;
        }

        private FilterNode And()
        {
            var left = Unary();
            while (TakeWord("and"))
            {
                left = new BinaryNode("and", left, Unary());
            }
            return left;
        }

        private FilterNode Unary() => TakeWord("not") ? new NotNode(Unary()) : Comparison();

        private FilterNode Comparison()
        {
            var left = Primary();
            if (!AtEnd && tokens[_index] is { Kind: TokenKind.Word } op && Comparisons.Contains(op.Text))
            {
                _index++;
                return new BinaryNode(op.Text, left, Primary());
            }
            return left;
        }

        private FilterNode Primary()
        {
            if (AtEnd)
            {
                throw VendorError.Syntax($"Expression expected at position {text.Length} in '{text}'.");
            }
            var token = tokens[_index++];
            switch (token.Kind)
            {
                case TokenKind.Open:
                    var inner = Or();
                    Expect(TokenKind.Close, "')'");
                    return inner;
                case TokenKind.String:
                    return new LiteralNode(LiteralKind.String, token.Text, $"'{token.Text}'");
                case TokenKind.Word when !AtEnd && tokens[_index].Kind == TokenKind.Open && IsIdentifier(token.Text):
                    _index++;
                    var arguments = new List<FilterNode> { Or() };
                    while (!AtEnd && tokens[_index].Kind == TokenKind.Comma)
                    {
                        _index++;
                        arguments.Add(Or());
                    }
                    Expect(TokenKind.Close, "')' or ','");
                    return new CallNode(token.Text, arguments);
                case TokenKind.Word:
                    return Word(token);
                default:
                    throw VendorError.Syntax($"Expression expected at position {token.Position} in '{text}'.");
            }
        }

        private FilterNode Word(Token token)
        {
            var w = token.Text;
            if (GuidPattern().IsMatch(w))
            {
                return new LiteralNode(LiteralKind.Guid, Guid.Parse(w), w);
            }
            switch (w)
            {
                case "true":
                    return new LiteralNode(LiteralKind.Boolean, true, w);
                case "false":
                    return new LiteralNode(LiteralKind.Boolean, false, w);
                case "null":
                    return new LiteralNode(LiteralKind.Null, null, w);
            }
            if (IsIdentifier(w))
            {
                return new PropertyNode(w);
            }
            if (DatePattern().IsMatch(w) && DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new LiteralNode(LiteralKind.Date, date, w);
            }
            if (w.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParse(w, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return new LiteralNode(LiteralKind.DateTimeOffset, at, w);
            }
            var number = w.TrimEnd('m', 'M', 'l', 'L', 'd', 'D');
            if (decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return new LiteralNode(LiteralKind.Number, value, w);
            }
            throw VendorError.Syntax($"Syntax error: character '{w[0]}' is not valid at position {token.Position} in '{text}'.");
        }

        private bool TakeWord(string word)
        {
            if (!AtEnd && tokens[_index] is { Kind: TokenKind.Word } t && t.Text == word)
            {
                _index++;
                return true;
            }
            return false;
        }

        private void Expect(TokenKind kind, string what)
        {
            if (AtEnd || tokens[_index].Kind != kind)
            {
                throw VendorError.Syntax($"{what} expected at position {Position} in '{text}'.");
            }
            _index++;
        }

        private static bool IsIdentifier(string word) => IdentifierPattern().IsMatch(word);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();
}
