using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace SyncLab.Mirrors.Storefront.GraphApi.Cost;

/// <summary>
/// Shopify's calculated query cost, as documented: scalars and enums 0, objects 1, connections 2 plus
/// <c>first</c> times the cost of one node, every mutation field 10. The requested cost is computed
/// from the query before it runs; the actual cost counts the nodes really returned (never above the requested).
/// </summary>
internal static class QueryCost
{
    public const int MutationFieldCost = 10;
    private const int MaxFragmentDepth = 32;

    /// <summary>The operation GraphQL.NET will run: the named one, else the only one; null if ambiguous or absent.</summary>
    public static GraphQLOperationDefinition? Operation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    public static int Requested(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
    {
        var walker = new Walker(schema, document, operation, variables);
        if (operation.Operation == OperationType.Mutation)
        {
            return walker.Fields(schema.Mutation!, operation.SelectionSet, 0).Count(f => !f.Field.Name.StringValue.StartsWith("__", StringComparison.Ordinal)) * MutationFieldCost;
        }
        return schema.Query is null ? 0 : walker.Children(schema.Query, operation.SelectionSet, 0);
    }

    /// <summary>The cost of what was returned; a mutation costs what it requested.</summary>
    public static int Actual(ExecutionResult result, GraphQLOperationDefinition operation, int requested)
    {
        if (!result.Executed)
        {
            return 0;
        }
        if (operation.Operation == OperationType.Mutation || result.Data is not ObjectExecutionNode root)
        {
            return requested;
        }
        return Math.Min(requested, (root.SubFields ?? []).Sum(ActualOf));
    }

    private static int ActualOf(ExecutionNode node)
    {
        var named = Named(node.FieldDefinition?.ResolvedType ?? node.GraphType);
        if (named is null or ScalarGraphType or EnumerationGraphType)
        {
            return 0;
        }
        switch (node)
        {
            case ObjectExecutionNode { Result: not null } o when IsConnection(named):
                return 2 + ConnectionItems(o);
            case ObjectExecutionNode { Result: not null } o:
                return 1 + (o.SubFields ?? []).Sum(ActualOf);
            case ArrayExecutionNode a:
                return (a.Items ?? []).Sum(i => i is ObjectExecutionNode { Result: not null } item ? 1 + (item.SubFields ?? []).Sum(ActualOf) : 0);
            default:
                // A lookup that found nothing still cost the lookup.
                return 1;
        }
    }

    private static int ConnectionItems(ObjectExecutionNode connection)
    {
        int edges = 0, nodes = 0;
        foreach (var sub in connection.SubFields ?? [])
        {
            if (sub is not ArrayExecutionNode list)
            {
                continue;
            }
            if (sub.FieldDefinition?.Name == "edges")
            {
                edges = (list.Items ?? []).OfType<ObjectExecutionNode>()
                    .Sum(edge => (edge.SubFields ?? []).Where(f => f.FieldDefinition?.Name == "node").Sum(ActualOf));
            }
            else if (sub.FieldDefinition?.Name == "nodes")
            {
                nodes = (list.Items ?? []).Sum(ActualOf);
            }
        }
        return Math.Max(edges, nodes);
    }

    private static bool IsConnection(IGraphType named) => named.Name.EndsWith("Connection", StringComparison.Ordinal);

    private static IGraphType? Named(IGraphType? type)
    {
        while (type is IProvideResolvedType wrapper and (NonNullGraphType or ListGraphType))
        {
            type = wrapper.ResolvedType;
        }
        return type;
    }

    private sealed class Walker(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());

        /// <summary>The fields selected on <paramref name="parent"/>, fragments flattened, each with the type it is selected on.</summary>
        public IEnumerable<(IGraphType Parent, GraphQLField Field)> Fields(IGraphType parent, GraphQLSelectionSet? set, int depth)
        {
            if (set is null || depth > MaxFragmentDepth)
            {
                yield break;
            }
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        yield return (parent, field);
                        break;
                    case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        foreach (var inner in Fields(TypeNamed(fragment.TypeCondition.Type.Name.StringValue) ?? parent, fragment.SelectionSet, depth + 1))
                        {
                            yield return inner;
                        }
                        break;
                    case GraphQLInlineFragment inline:
                        var on = inline.TypeCondition is { } condition ? TypeNamed(condition.Type.Name.StringValue) ?? parent : parent;
                        foreach (var inner in Fields(on, inline.SelectionSet, depth + 1))
                        {
                            yield return inner;
                        }
                        break;
                }
            }
        }

        public int Children(IGraphType parent, GraphQLSelectionSet? set, int depth) =>
            Fields(parent, set, depth).Sum(f => FieldCost(f.Parent, f.Field, depth));

        private int FieldCost(IGraphType parent, GraphQLField field, int depth)
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal) || parent is not IComplexGraphType complex || complex.GetField(name) is not { } definition)
            {
                return 0;
            }
            var named = Named(definition.ResolvedType);
            if (named is null or ScalarGraphType or EnumerationGraphType)
            {
                return 0;
            }
            if (IsConnection(named))
            {
                return 2 + (Size(field) * NodeCost(named, field.SelectionSet, depth + 1));
            }
            return 1 + Children(named, field.SelectionSet, depth + 1);
        }

        /// <summary>The cost of one node of a connection: the object under edges.node or nodes (whichever costs more).</summary>
        private int NodeCost(IGraphType connection, GraphQLSelectionSet? set, int depth)
        {
            var cost = 0;
            foreach (var (parent, field) in Fields(connection, set, depth))
            {
                var name = field.Name.StringValue;
                if (name == "nodes" && ChildType(parent, name) is { } nodeType)
                {
                    cost = Math.Max(cost, 1 + Children(nodeType, field.SelectionSet, depth + 1));
                }
                else if (name == "edges" && ChildType(parent, name) is { } edgeType)
                {
                    foreach (var (edgeParent, edgeField) in Fields(edgeType, field.SelectionSet, depth + 1))
                    {
                        if (edgeField.Name.StringValue == "node" && ChildType(edgeParent, "node") is { } node)
                        {
                            cost = Math.Max(cost, 1 + Children(node, edgeField.SelectionSet, depth + 2));
                        }
                    }
                }
            }
            return cost;
        }

        private static IGraphType? ChildType(IGraphType parent, string name) =>
            parent is IComplexGraphType complex && complex.GetField(name) is { } field ? Named(field.ResolvedType) : null;

        private IGraphType? TypeNamed(string name) => schema.AllTypes[name];

        /// <summary>The page size asked for (<c>first</c> or <c>last</c>, literal or variable); 1 when absent.</summary>
        private int Size(GraphQLField field)
        {
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var argumentName = argument.Name.StringValue;
                if (argumentName is not ("first" or "last"))
                {
                    continue;
                }
                switch (argument.Value)
                {
                    case GraphQLIntValue literal when int.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                        return Math.Max(0, n);
                    case GraphQLVariable variable:
                        var variableName = variable.Name.StringValue;
                        if (variables is not null && variables.TryGetValue(variableName, out var value) && value is not null)
                        {
                            return Math.Max(0, Convert.ToInt32(value, CultureInfo.InvariantCulture));
                        }
                        var declared = operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == variableName);
                        if (declared?.DefaultValue is GraphQLIntValue fallback
                            && int.TryParse(fallback.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d))
                        {
                            return Math.Max(0, d);
                        }
                        break;
                }
            }
            return 1;
        }
    }
}
