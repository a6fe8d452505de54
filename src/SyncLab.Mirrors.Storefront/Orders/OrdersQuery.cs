using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>The values of Shopify's <c>OrderSortKeys</c> the mirror sorts by.</summary>
public static class OrderSortKeys
{
    public const string Id = "ID";
    public const string CreatedAt = "CREATED_AT";
    public const string ProcessedAt = "PROCESSED_AT";
    public const string UpdatedAt = "UPDATED_AT";

    public static readonly IReadOnlyList<string> All = [CreatedAt, Id, ProcessedAt, UpdatedAt];
}

public sealed class OrderSortKeysGraphType() : NamedEnumGraphType("OrderSortKeys", OrderSortKeys.All);

/// <summary>
/// <c>orders(first, after, reverse, query, sortKey)</c>, <c>order(id)</c>, <c>fulfillmentOrder(id)</c> and <c>job(id)</c>.
/// Orders come in id order, which is also the order they were created and processed in (sort keys ID, CREATED_AT,
/// PROCESSED_AT), or by <c>updatedAt</c> then id (UPDATED_AT), the order a cursor poll reads changes in.
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
            .Argument<OrderSortKeysGraphType>("sortKey", a => a.DefaultValue = OrderSortKeys.Id)
            .ResolveAsync(async c => await c.Shop().Orders.OrdersAsync(
                SearchQuery.Parse(c.GetArgument<string?>("query")), c.PageArguments(), c.GetArgument<string>("sortKey"), c.CancellationToken));

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
