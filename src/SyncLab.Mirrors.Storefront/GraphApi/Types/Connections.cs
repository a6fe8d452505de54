using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfoValue(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>Relay edges as Shopify names them (ProductEdge, …): cursor and node.</summary>
public abstract class EdgeGraphType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    protected EdgeGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

/// <summary>Relay connections as Shopify shapes them: edges, nodes and pageInfo (no totalCount).</summary>
public abstract class ConnectionGraphType<TEdgeType, TNodeType, TNode> : ObjectGraphType<Page<TNode>>
    where TEdgeType : IGraphType
    where TNodeType : IGraphType
{
    protected ConnectionGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges")
            .Resolve(c => c.Source.Items.Select(i => new Edge<TNode>(c.Source.Cursor(i), i)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => new PageInfoValue(
            c.Source.HasNextPage,
            c.Source.HasPreviousPage,
            c.Source.Items.Count > 0 ? c.Source.Cursor(c.Source.Items[0]) : null,
            c.Source.Items.Count > 0 ? c.Source.Cursor(c.Source.Items[^1]) : null));
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfoValue>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}

public sealed class ProductEdgeGraphType() : EdgeGraphType<ProductGraphType, ProductNode>("ProductEdge");

public sealed class ProductConnectionGraphType() : ConnectionGraphType<ProductEdgeGraphType, ProductGraphType, ProductNode>("ProductConnection");

public sealed class ProductVariantEdgeGraphType() : EdgeGraphType<ProductVariantGraphType, VariantNode>("ProductVariantEdge");

public sealed class ProductVariantConnectionGraphType() : ConnectionGraphType<ProductVariantEdgeGraphType, ProductVariantGraphType, VariantNode>("ProductVariantConnection");

public sealed class InventoryLevelEdgeGraphType() : EdgeGraphType<InventoryLevelGraphType, LevelNode>("InventoryLevelEdge");

public sealed class InventoryLevelConnectionGraphType() : ConnectionGraphType<InventoryLevelEdgeGraphType, InventoryLevelGraphType, LevelNode>("InventoryLevelConnection");

public sealed class LocationEdgeGraphType() : EdgeGraphType<LocationGraphType, Data.LocationRecord>("LocationEdge");

public sealed class LocationConnectionGraphType() : ConnectionGraphType<LocationEdgeGraphType, LocationGraphType, Data.LocationRecord>("LocationConnection");
