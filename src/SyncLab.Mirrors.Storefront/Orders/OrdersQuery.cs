using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// <c>orders(first, after, reverse, query)</c>, <c>order(id)</c>, <c>fulfillmentOrder(id)</c> and <c>job(id)</c>.
/// Orders come in id order, which is also the order they were processed in (Shopify's default sort, PROCESSED_AT).
/// </summary>
public static class OrdersQuery
{
    internal static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<OrderConnectionGraphType>>("orders")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Argument<StringGraphType>("query")
            .ResolveAsync(async c => await c.Shop().Orders.OrdersAsync(
                SearchQuery.Parse(c.GetArgument<string?>("query")), c.PageArguments(), c.CancellationToken));

        query.Field<OrderGraphType>("order")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Shop().Orders.OrderAsync(c.GidArgument("id", "Order"), c.CancellationToken));

        query.Field<FulfillmentOrderGraphType>("fulfillmentOrder")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Shop().Orders.FulfillmentOrderAsync(c.GidArgument("id", "FulfillmentOrder"), c.CancellationToken));

        // The mirror runs jobs (order cancellation) before it answers: any job id it handed out is done.
        query.Field<JobGraphType>("job")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.GetArgument<string>("id") is { } id && id.StartsWith("gid://shopify/Job/", StringComparison.Ordinal)
                ? new JobValue(id, true)
                : throw new ExecutionError($"Invalid global id '{c.GetArgument<string>("id")}'") { Code = "argumentLiteralsIncompatible" });
    }
}
