using System.Text;

namespace SyncLab.Gherkin.Tags;

/// <summary>
/// Parses Cucumber tag expressions (<c>@a and not @b</c>, <c>@a or @b</c>, parentheses) with the shunting-yard
/// algorithm of Cucumber's reference implementation: <c>not</c> binds tighter than <c>and</c>, which binds tighter
/// than <c>or</c>. No tag expression library is available to this project (Reqnroll 3.3.4 does not ship one).
/// </summary>
internal static class TagExpressionParser
{
    private const string Not = "not";
    private const string And = "and";
    private const string Or = "or";
    private const string Open = "(";
    private const string Close = ")";

    public static TagExpressionNode Parse(string expression)
    {
        var tokens = Tokenize(expression);
        if (tokens.Count == 0)
        {
            return new TagExpressionNode.Everything();
        }

        var operators = new Stack<string>();
        var operands = new Stack<TagExpressionNode>();
        var expectOperand = true;
        foreach (var token in tokens)
        {
            switch (token)
            {
                case Not:
                    Expect(expectOperand, true, token, expression);
                    operators.Push(token);
                    break;
                case And or Or:
                    Expect(expectOperand, false, token, expression);
                    while (operators.TryPeek(out var top) && IsOperator(top) && Precedence(token) <= Precedence(top))
                    {
                        Apply(operators.Pop(), operands, expression);
                    }

                    operators.Push(token);
                    expectOperand = true;
                    break;
                case Open:
                    Expect(expectOperand, true, token, expression);
                    operators.Push(token);
                    break;
                case Close:
                    Expect(expectOperand, false, token, expression);
                    while (operators.TryPeek(out var top) && top != Open)
                    {
                        Apply(operators.Pop(), operands, expression);
                    }

                    if (operators.Count == 0)
                    {
                        throw Error(expression, "there is a ')' without a matching '('");
                    }

                    operators.Pop();
                    break;
                default:
                    Expect(expectOperand, true, token, expression);
                    operands.Push(new TagExpressionNode.Tag(token.StartsWith('@') ? token : "@" + token));
                    expectOperand = false;
                    break;
            }
        }

        while (operators.TryPop(out var op))
        {
            if (op == Open)
            {
                throw Error(expression, "there is a '(' without a matching ')'");
            }

            Apply(op, operands, expression);
        }

        if (expectOperand || operands.Count != 1)
        {
            throw Error(expression, "it ends where a tag was expected");
        }

        return operands.Pop();
    }

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var escaped = false;
        foreach (var c in expression)
        {
            if (escaped)
            {
                if (c is not ('(' or ')' or '\\') && !char.IsWhiteSpace(c))
                {
                    throw Error(expression, $"'\\{c}' is not a valid escape (only '\\(', '\\)', '\\\\' and '\\ ' are)");
                }

                current.Append(c);
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                Flush();
                if (!char.IsWhiteSpace(c))
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (escaped)
        {
            throw Error(expression, "it ends with a lone '\\'");
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static void Apply(string op, Stack<TagExpressionNode> operands, string expression)
    {
        if (op == Not)
        {
            operands.Push(new TagExpressionNode.Not(PopOperand(operands, op, expression)));
            return;
        }

        var right = PopOperand(operands, op, expression);
        var left = PopOperand(operands, op, expression);
        operands.Push(op == And ? new TagExpressionNode.And(left, right) : new TagExpressionNode.Or(left, right));
    }

    private static TagExpressionNode PopOperand(Stack<TagExpressionNode> operands, string op, string expression) =>
        operands.TryPop(out var operand) ? operand : throw Error(expression, $"'{op}' is missing an operand");

    private static void Expect(bool expectOperand, bool tokenIsOperand, string token, string expression)
    {
        if (expectOperand != tokenIsOperand)
        {
            throw Error(expression, expectOperand ? $"a tag was expected where '{token}' stands" : $"'and' or 'or' was expected before '{token}'");
        }
    }

    private static bool IsOperator(string token) => token is Not or And or Or;

    // 'and' and 'or' are left-associative; 'not' is a prefix operator, applied once its operand is complete.
    private static int Precedence(string token) => token switch
    {
        Or => 0,
        And => 1,
        Not => 2,
        _ => -1,
    };

    private static FormatException Error(string expression, string reason) =>
        new($"Tag expression \"{expression}\" could not be parsed: {reason}.");
}
