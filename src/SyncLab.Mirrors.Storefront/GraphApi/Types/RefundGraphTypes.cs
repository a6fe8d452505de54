using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.Orders;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

public sealed class RefundGraphType : ObjectGraphType<RefundNode>
{
    public RefundGraphType()
    {
        Name = "Refund";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Refund(c.Source.Row.Id));
        Field<NonNullGraphType<UnsignedInt64GraphType>>("legacyResourceId").Resolve(c => c.Source.Row.Id);
        Field<ShopifyDateTimeGraphType>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<StringGraphType>("note").Resolve(c => c.Source.Row.Note);
        Field<NonNullGraphType<OrderGraphType>>("order").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<MoneyBagGraphType>>("totalRefundedSet").Resolve(c => new MoneyValue(c.Source.Row.TotalRefunded, c.Source.Order.Row.Currency));
        Field<NonNullGraphType<RefundLineItemConnectionGraphType>>("refundLineItems")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Lines, l => l.Row.Id));
        Field<NonNullGraphType<OrderTransactionConnectionGraphType>>("transactions")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Transactions, t => t.Row.Id));
    }
}

public sealed class RefundLineItemGraphType : ObjectGraphType<RefundLineNode>
{
    public RefundLineItemGraphType()
    {
        Name = "RefundLineItem";
        Field<IdGraphType>("id").Resolve(c => Gid.RefundLineItem(c.Source.Row.Id));
        Field<NonNullGraphType<LineItemGraphType>>("lineItem").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Row.Quantity);
        Field<NonNullGraphType<RefundLineItemRestockTypeGraphType>>("restockType").Resolve(c => c.Source.Row.RestockType);
        Field<NonNullGraphType<BooleanGraphType>>("restocked").Resolve(c => c.Source.Row.Restocked);
        Field<LocationGraphType>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<MoneyBagGraphType>>("priceSet").Resolve(c => new MoneyValue(c.Source.Line.Row.Price, c.Source.Line.Order.Row.Currency));
        Field<NonNullGraphType<MoneyBagGraphType>>("subtotalSet").Resolve(c => new MoneyValue(c.Source.Row.Subtotal, c.Source.Line.Order.Row.Currency));
        Field<NonNullGraphType<MoneyBagGraphType>>("totalTaxSet").Resolve(c => new MoneyValue(c.Source.Row.TotalTax, c.Source.Line.Order.Row.Currency));
    }
}

public sealed class OrderTransactionGraphType : ObjectGraphType<TransactionNode>
{
    public OrderTransactionGraphType()
    {
        Name = "OrderTransaction";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Transaction(c.Source.Row.Id));
        Field<NonNullGraphType<OrderTransactionKindGraphType>>("kind").Resolve(c => c.Source.Row.Kind);
        Field<NonNullGraphType<OrderTransactionStatusGraphType>>("status").Resolve(c => c.Source.Row.Status);
        Field<StringGraphType>("gateway").Resolve(c => c.Source.Row.Gateway);
        Field<StringGraphType>("formattedGateway").Resolve(c => c.Source.Row.Gateway == "shopify_payments" ? "Shopify Payments" : c.Source.Row.Gateway);
        Field<NonNullGraphType<MoneyBagGraphType>>("amountSet").Resolve(c => new MoneyValue(c.Source.Row.Amount, c.Source.Order.Row.Currency));
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<ShopifyDateTimeGraphType>("processedAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<BooleanGraphType>>("test").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("manuallyCapturable").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("multiCapturable").Resolve(_ => false);
        Field<OrderTransactionGraphType>("parentTransaction").Resolve(c => c.Source.Parent);
        Field<OrderGraphType>("order").Resolve(c => c.Source.Order);
    }
}
