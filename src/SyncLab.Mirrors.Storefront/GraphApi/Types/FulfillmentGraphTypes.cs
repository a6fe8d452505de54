using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.Orders;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

public sealed class FulfillmentOrderGraphType : ObjectGraphType<FulfillmentOrderNode>
{
    public FulfillmentOrderGraphType()
    {
        Name = "FulfillmentOrder";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.FulfillmentOrder(c.Source.Row.Id));
        Field<NonNullGraphType<FulfillmentOrderStatusGraphType>>("status").Resolve(c => c.Source.Row.Status);
        Field<NonNullGraphType<FulfillmentOrderRequestStatusGraphType>>("requestStatus").Resolve(_ => "UNSUBMITTED");
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<NonNullGraphType<IdGraphType>>("orderId").Resolve(c => Gid.Order(c.Source.Order.Row.Id));
        Field<NonNullGraphType<StringGraphType>>("orderName").Resolve(c => c.Source.Order.Row.Name);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("orderProcessedAt").Resolve(c => c.Source.Order.Row.ProcessedAt);
        Field<NonNullGraphType<OrderGraphType>>("order").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<FulfillmentOrderAssignedLocationGraphType>>("assignedLocation").Resolve(c => c.Source);
        Field<NonNullGraphType<FulfillmentOrderLineItemConnectionGraphType>>("lineItems")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Lines, l => l.Row.Id));
        Field<NonNullGraphType<FulfillmentConnectionGraphType>>("fulfillments")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c =>
            {
                var lineIds = c.Source.Lines.Select(l => l.Row.Id).ToHashSet();
                var shipments = c.Source.Order.Fulfillments.Where(f => f.Lines.Any(l => lineIds.Contains(l.Row.FulfillmentOrderLineId))).ToList();
                return c.PageOf(shipments, f => f.Row.Id);
            });
    }
}

/// <summary>Where a fulfillment order ships from: the location, as it stood when assigned.</summary>
public sealed class FulfillmentOrderAssignedLocationGraphType : ObjectGraphType<FulfillmentOrderNode>
{
    public FulfillmentOrderAssignedLocationGraphType()
    {
        Name = "FulfillmentOrderAssignedLocation";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Location?.Name ?? string.Empty);
        Field<LocationGraphType>("location").Resolve(c => c.Source.Location);
    }
}

public sealed class FulfillmentOrderLineItemGraphType : ObjectGraphType<FulfillmentOrderLineNode>
{
    public FulfillmentOrderLineItemGraphType()
    {
        Name = "FulfillmentOrderLineItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.FulfillmentOrderLineItem(c.Source.Row.Id));
        Field<NonNullGraphType<IntGraphType>>("totalQuantity").Resolve(c => c.Source.Row.TotalQuantity);
        Field<NonNullGraphType<IntGraphType>>("remainingQuantity").Resolve(c => c.Source.Row.RemainingQuantity);
        Field<StringGraphType>("sku").Resolve(c => c.Source.Line.Row.Sku);
        Field<NonNullGraphType<StringGraphType>>("productTitle").Resolve(c => c.Source.Line.Row.Title);
        Field<StringGraphType>("variantTitle").Resolve(c => c.Source.Line.Row.VariantTitle is "Default Title" ? null : c.Source.Line.Row.VariantTitle);
        Field<StringGraphType>("vendor").Resolve(c => c.Source.Line.Row.Vendor);
        Field<NonNullGraphType<BooleanGraphType>>("requiresShipping").Resolve(_ => true);
        Field<IdGraphType>("inventoryItemId").Resolve(c => Gid.InventoryItem(c.Source.Line.Row.InventoryItemId));
        Field<NonNullGraphType<LineItemGraphType>>("lineItem").Resolve(c => c.Source.Line);
        Field<ProductVariantGraphType>("variant").Resolve(c => c.Source.Line.Variant);
    }
}

public sealed class FulfillmentGraphType : ObjectGraphType<FulfillmentNode>
{
    public FulfillmentGraphType()
    {
        Name = "Fulfillment";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Fulfillment(c.Source.Row.Id));
        Field<NonNullGraphType<UnsignedInt64GraphType>>("legacyResourceId").Resolve(c => c.Source.Row.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Row.Name);
        Field<NonNullGraphType<FulfillmentStatusGraphType>>("status").Resolve(c => c.Source.Row.Status);
        Field<FulfillmentDisplayStatusGraphType>("displayStatus").Resolve(c => c.Source.Row.Status == "SUCCESS" ? "FULFILLED" : "CANCELED");
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<ShopifyDateTimeGraphType>("deliveredAt").Resolve(_ => null);
        Field<NonNullGraphType<IntGraphType>>("totalQuantity").Resolve(c => c.Source.Lines.Sum(l => l.Row.Quantity));
        Field<NonNullGraphType<BooleanGraphType>>("requiresShipping").Resolve(_ => true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FulfillmentTrackingInfoGraphType>>>>("trackingInfo")
            .Argument<IntGraphType>("first")
            .Resolve(c => OrderGraphType.First(c, c.Source.Tracking));
        Field<NonNullGraphType<OrderGraphType>>("order").Resolve(c => c.Source.Order);
        Field<LocationGraphType>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<FulfillmentLineItemConnectionGraphType>>("fulfillmentLineItems")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Lines, l => l.Row.Id));
        Field<NonNullGraphType<FulfillmentOrderConnectionGraphType>>("fulfillmentOrders")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c =>
            {
                var foLineIds = c.Source.Lines.Select(l => l.Row.FulfillmentOrderLineId).ToHashSet();
                var fos = c.Source.Order.FulfillmentOrders.Where(f => f.Lines.Any(l => foLineIds.Contains(l.Row.Id))).ToList();
                return c.PageOf(fos, f => f.Row.Id);
            });
    }
}

public sealed class FulfillmentTrackingInfoGraphType : ObjectGraphType<TrackingValue>
{
    public FulfillmentTrackingInfoGraphType()
    {
        Name = "FulfillmentTrackingInfo";
        Field<StringGraphType>("company").Resolve(c => c.Source.Company);
        Field<StringGraphType>("number").Resolve(c => c.Source.Number);
        Field<UrlGraphType>("url").Resolve(c => c.Source.Url);
    }
}

public sealed class FulfillmentLineItemGraphType : ObjectGraphType<FulfillmentLineNode>
{
    public FulfillmentLineItemGraphType()
    {
        Name = "FulfillmentLineItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.FulfillmentLineItem(c.Source.Row.Id));
        Field<IntGraphType>("quantity").Resolve(c => c.Source.Row.Quantity);
        Field<NonNullGraphType<LineItemGraphType>>("lineItem").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<MoneyBagGraphType>>("originalTotalSet")
            .Resolve(c => new MoneyValue(c.Source.Line.Row.Price * c.Source.Row.Quantity, c.Source.Line.Order.Row.Currency));
        Field<NonNullGraphType<MoneyBagGraphType>>("discountedTotalSet")
            .Resolve(c => new MoneyValue(c.Source.Line.Row.Price * c.Source.Row.Quantity, c.Source.Line.Order.Row.Currency));
    }
}
