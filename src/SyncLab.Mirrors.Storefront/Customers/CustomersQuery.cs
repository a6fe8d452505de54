using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary><c>customers(first, after, reverse, query)</c> and <c>customer(id)</c>, in id order.</summary>
public static class CustomersQuery
{
    internal static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CustomerConnectionGraphType>>("customers")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Argument<StringGraphType>("query")
            .ResolveAsync(async c => await c.Shop().Customers.CustomersAsync(
                SearchQuery.Parse(c.GetArgument<string?>("query")), c.PageArguments(), c.CancellationToken));

        query.Field<CustomerGraphType>("customer")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Shop().Customers.CustomerAsync(c.GidArgument("id", "Customer"), c.CancellationToken));
    }
}
