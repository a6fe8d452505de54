using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace SyncLab.MirrorKit.Storage;

/// <summary>
/// A value in a built query as EF Core sees a captured variable: a parameter, not a literal. A literal makes
/// every request's query a new shape that EF compiles afresh (milliseconds each, the bulk of a single-SKU
/// read); a parameter lets every <c>number eq '…'</c> share one compiled query.
/// </summary>
public static class QueryParameter
{
    public static MemberExpression Of(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }
}
