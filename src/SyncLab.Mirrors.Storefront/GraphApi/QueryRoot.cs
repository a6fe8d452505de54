using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>The read side of the Admin API subset: products, variants, inventory items, locations, orders, customers.</summary>
public sealed class QueryRoot : ObjectGraphType
{
    public QueryRoot()
    {
        Name = "QueryRoot";

        Field<NonNullGraphType<ProductConnectionGraphType>>("products")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Argument<StringGraphType>("query")
            .ResolveAsync(async c => await c.Shop().Catalog.ProductsAsync(
                SearchQuery.Parse(c.GetArgument<string?>("query")), c.PageArguments(), c.CancellationToken));

        Field<ProductGraphType>("product")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Shop().Catalog.ProductAsync(c.GidArgument("id", "Product"), c.CancellationToken));

        Field<ProductGraphType>("productByHandle")
            .Argument<NonNullGraphType<StringGraphType>>("handle")
            .DeprecationReason("Use `productByIdentifier` instead.")
            .ResolveAsync(async c => await c.Shop().Catalog.ProductByHandleAsync(c.GetArgument<string>("handle"), c.CancellationToken));

        Field<NonNullGraphType<ProductVariantConnectionGraphType>>("productVariants")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Argument<StringGraphType>("query")
            .ResolveAsync(async c => await c.Shop().Catalog.VariantsAsync(
                SearchQuery.Parse(c.GetArgument<string?>("query")), c.PageArguments(), c.CancellationToken));

        Field<ProductVariantGraphType>("productVariant")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Shop().Catalog.VariantAsync(c.GidArgument("id", "ProductVariant"), c.CancellationToken));

        Field<InventoryItemGraphType>("inventoryItem")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Shop().Catalog.InventoryItemAsync(c.GidArgument("id", "InventoryItem"), c.CancellationToken));

        Field<NonNullGraphType<LocationConnectionGraphType>>("locations")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .ResolveAsync(async c => await c.Shop().Catalog.LocationsAsync(c.PageArguments(), c.CancellationToken));

        Field<LocationGraphType>("location")
            .Argument<IdGraphType>("id")
            .ResolveAsync(async c => c.GetArgument<string?>("id") is null
                ? First((await c.Shop().Catalog.LocationsAsync(new PageRequest(1), c.CancellationToken)).Items)
                : await c.Shop().Catalog.LocationAsync(c.GidArgument("id", "Location"), c.CancellationToken));

        Webhooks.WebhookSubscriptionsQuery.AddTo(this);
        Orders.OrdersQuery.AddTo(this);
        Customers.CustomersQuery.AddTo(this);
    }

    private static T? First<T>(IReadOnlyList<T> items) where T : class => items.Count > 0 ? items[0] : null;
}
