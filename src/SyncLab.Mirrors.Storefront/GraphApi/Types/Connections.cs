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

public sealed class OrderEdgeGraphType() : EdgeGraphType<OrderGraphType, Orders.OrderNode>("OrderEdge");

public sealed class OrderConnectionGraphType() : ConnectionGraphType<OrderEdgeGraphType, OrderGraphType, Orders.OrderNode>("OrderConnection");

public sealed class LineItemEdgeGraphType() : EdgeGraphType<LineItemGraphType, Orders.LineItemNode>("LineItemEdge");

public sealed class LineItemConnectionGraphType() : ConnectionGraphType<LineItemEdgeGraphType, LineItemGraphType, Orders.LineItemNode>("LineItemConnection");

public sealed class ShippingLineEdgeGraphType() : EdgeGraphType<ShippingLineGraphType, ShippingLineValue>("ShippingLineEdge");

public sealed class ShippingLineConnectionGraphType() : ConnectionGraphType<ShippingLineEdgeGraphType, ShippingLineGraphType, ShippingLineValue>("ShippingLineConnection");

public sealed class FulfillmentOrderEdgeGraphType() : EdgeGraphType<FulfillmentOrderGraphType, Orders.FulfillmentOrderNode>("FulfillmentOrderEdge");

public sealed class FulfillmentOrderConnectionGraphType()
    : ConnectionGraphType<FulfillmentOrderEdgeGraphType, FulfillmentOrderGraphType, Orders.FulfillmentOrderNode>("FulfillmentOrderConnection");

public sealed class FulfillmentOrderLineItemEdgeGraphType()
    : EdgeGraphType<FulfillmentOrderLineItemGraphType, Orders.FulfillmentOrderLineNode>("FulfillmentOrderLineItemEdge");

public sealed class FulfillmentOrderLineItemConnectionGraphType()
    : ConnectionGraphType<FulfillmentOrderLineItemEdgeGraphType, FulfillmentOrderLineItemGraphType, Orders.FulfillmentOrderLineNode>("FulfillmentOrderLineItemConnection");

public sealed class FulfillmentEdgeGraphType() : EdgeGraphType<FulfillmentGraphType, Orders.FulfillmentNode>("FulfillmentEdge");

public sealed class FulfillmentConnectionGraphType() : ConnectionGraphType<FulfillmentEdgeGraphType, FulfillmentGraphType, Orders.FulfillmentNode>("FulfillmentConnection");

public sealed class FulfillmentLineItemEdgeGraphType() : EdgeGraphType<FulfillmentLineItemGraphType, Orders.FulfillmentLineNode>("FulfillmentLineItemEdge");

public sealed class FulfillmentLineItemConnectionGraphType()
    : ConnectionGraphType<FulfillmentLineItemEdgeGraphType, FulfillmentLineItemGraphType, Orders.FulfillmentLineNode>("FulfillmentLineItemConnection");

public sealed class RefundLineItemEdgeGraphType() : EdgeGraphType<RefundLineItemGraphType, Orders.RefundLineNode>("RefundLineItemEdge");

public sealed class RefundLineItemConnectionGraphType()
    : ConnectionGraphType<RefundLineItemEdgeGraphType, RefundLineItemGraphType, Orders.RefundLineNode>("RefundLineItemConnection");

public sealed class OrderTransactionEdgeGraphType() : EdgeGraphType<OrderTransactionGraphType, Orders.TransactionNode>("OrderTransactionEdge");

public sealed class OrderTransactionConnectionGraphType()
    : ConnectionGraphType<OrderTransactionEdgeGraphType, OrderTransactionGraphType, Orders.TransactionNode>("OrderTransactionConnection");

public sealed class CustomerEdgeGraphType() : EdgeGraphType<CustomerGraphType, Customers.CustomerNode>("CustomerEdge");

public sealed class CustomerConnectionGraphType() : ConnectionGraphType<CustomerEdgeGraphType, CustomerGraphType, Customers.CustomerNode>("CustomerConnection");

public sealed class MailingAddressEdgeGraphType() : EdgeGraphType<MailingAddressGraphType, Data.AddressRecord>("MailingAddressEdge");

public sealed class MailingAddressConnectionGraphType() : ConnectionGraphType<MailingAddressEdgeGraphType, MailingAddressGraphType, Data.AddressRecord>("MailingAddressConnection");
