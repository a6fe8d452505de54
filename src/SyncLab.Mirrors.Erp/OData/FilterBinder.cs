using System.Linq.Expressions;
using System.Reflection;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>Turns a parsed <c>$filter</c> into a predicate EF Core translates, checking names and types as the vendor does.</summary>
internal static class FilterBinder
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    public static Expression<Func<T, bool>> Bind<T>(FilterNode node, EntityShape<T> shape)
        where T : class, ISequenced =>
        Expression.Lambda<Func<T, bool>>(Predicate(node, shape), shape.Parameter);

    private static Expression Predicate<T>(FilterNode node, EntityShape<T> shape)
        where T : class, ISequenced => node switch
        {
            BinaryNode { Operator: "and" } b => Expression.AndAlso(Predicate(b.Left, shape), Predicate(b.Right, shape)),
            BinaryNode { Operator: "or" } b => Expression.OrElse(Predicate(b.Left, shape), Predicate(b.Right, shape)),
            NotNode n => Expression.Not(Predicate(n.Operand, shape)),
            BinaryNode b => Comparison(b, shape),
            CallNode c => Call(c, shape),
            PropertyNode p when Member(p.Name, shape) is { Kind: EdmKind.Boolean } f => f.Selector!.Body,
            LiteralNode { Kind: LiteralKind.Boolean, Value: bool b } => Expression.Constant(b),
            _ => throw VendorError.BadRequest("The $filter expression must evaluate to a single boolean value."),
        };

    private static Expression Comparison<T>(BinaryNode node, EntityShape<T> shape)
        where T : class, ISequenced
    {
        var (property, literal, op) = (node.Left, node.Right) switch
        {
            (PropertyNode p, LiteralNode l) => (p, l, node.Operator),
            (LiteralNode l, PropertyNode p) => (p, l, Flip(node.Operator)),
            _ => throw VendorError.BadRequest($"Only comparisons between a property and a constant are supported in $filter (operator '{node.Operator}')."),
        };
        var field = Member(property.Name, shape);
        var member = field.Selector!.Body;
        var constant = Constant(field, literal, op);

        if (field.Kind == EdmKind.String && op is "gt" or "ge" or "lt" or "le")
        {
            // string has no relational operators in C#; EF translates string.Compare(a, b) <op> 0.
            var compare = Expression.Call(StringCompare, member, constant);
            return Relational(op, compare, Expression.Constant(0));
        }
        if (field.Kind is EdmKind.Boolean or EdmKind.Guid && op is not ("eq" or "ne"))
        {
            throw Incompatible(field.Kind, literal, op);
        }
        return Relational(op, member, constant);
    }

    private static Expression Relational(string op, Expression left, Expression right) => op switch
    {
        "eq" => Expression.Equal(left, right),
        "ne" => Expression.NotEqual(left, right),
        "gt" => Expression.GreaterThan(left, right),
        "ge" => Expression.GreaterThanOrEqual(left, right),
        "lt" => Expression.LessThan(left, right),
        "le" => Expression.LessThanOrEqual(left, right),
        _ => throw VendorError.Syntax($"Unknown operator '{op}'."),
    };

    private static Expression Call<T>(CallNode call, EntityShape<T> shape)
        where T : class, ISequenced
    {
        var method = call.Function switch
        {
            "contains" => StringContains,
            "startswith" => StringStartsWith,
            "endswith" => StringEndsWith,
            _ => throw VendorError.BadRequest($"An unknown function with name '{call.Function}' was found."),
        };
        if (call.Arguments is not [PropertyNode p, LiteralNode { Kind: LiteralKind.String, Value: string s }])
        {
            throw VendorError.BadRequest($"The function '{call.Function}' takes a property and a string constant.");
        }
        var field = Member(p.Name, shape);
        if (field.Kind != EdmKind.String)
        {
            throw VendorError.BadRequest($"No function signature for the function with name '{call.Function}' matches the specified arguments.");
        }
        return Expression.Call(field.Selector!.Body, method, QueryParameter.Of(field.CaseInsensitive ? s.ToUpperInvariant() : s, typeof(string)));
    }

    private static Field<T> Member<T>(string name, EntityShape<T> shape)
        where T : class, ISequenced
    {
        var field = shape.Find(name) ?? throw VendorError.NoSuchProperty(name, shape.EntityName);
        return field.Selector is null
            ? throw VendorError.BadRequest($"The property '{name}' cannot be used in $filter on '{shape.EntitySet}'.")
            : field;
    }

    private static Expression Constant<T>(Field<T> field, LiteralNode literal, string op)
    {
        var type = field.Selector!.Body.Type;
        object? value = (field.Kind, literal.Kind) switch
        {
            (_, LiteralKind.Null) when !type.IsValueType || Nullable.GetUnderlyingType(type) is not null => null,
            (EdmKind.String, LiteralKind.String) when field.CaseInsensitive => ((string)literal.Value!).ToUpperInvariant(),
            (EdmKind.String, LiteralKind.String) => literal.Value,
            (EdmKind.Guid, LiteralKind.Guid) => literal.Value,
            (EdmKind.Boolean, LiteralKind.Boolean) => literal.Value,
            (EdmKind.Decimal, LiteralKind.Number) => literal.Value,
            (EdmKind.Int32, LiteralKind.Number) when literal.Value is decimal d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            (EdmKind.Int64, LiteralKind.Number) when literal.Value is decimal d && d == decimal.Truncate(d) => (long)d,
            (EdmKind.DateTimeOffset, LiteralKind.DateTimeOffset) => literal.Value,
            (EdmKind.Date, LiteralKind.Date) => literal.Value,
            _ => throw Incompatible(field.Kind, literal, op),
        };
        // Null stays a literal: EF turns '= NULL' into 'IS NULL' only for literals and known-null parameters alike.
        return value is null ? Expression.Constant(null, type) : QueryParameter.Of(value, type);
    }

    private static VendorError Incompatible(EdmKind kind, LiteralNode literal, string op) =>
        VendorError.BadRequest(
            $"A binary operator with incompatible types was detected. Found operand types 'Edm.{kind}' and '{EdmName(literal.Kind)}' for operator kind '{OperatorName(op)}'.");

    private static string EdmName(LiteralKind kind) => kind switch
    {
        LiteralKind.Number => "Edm.Decimal",
        LiteralKind.Null => "<null>",
        _ => $"Edm.{kind}",
    };

    private static string OperatorName(string op) => op switch
    {
        "eq" => "Equal",
        "ne" => "NotEqual",
        "gt" => "GreaterThan",
        "ge" => "GreaterThanOrEqual",
        "lt" => "LessThan",
        _ => "LessThanOrEqual",
    };

    private static string Flip(string op) => op switch
    {
        "gt" => "lt",
        "ge" => "le",
        "lt" => "gt",
        "le" => "ge",
        _ => op,
    };
}
