using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

public sealed class ProductGraphType : ObjectGraphType<ProductNode>
{
    public ProductGraphType()
    {
        Name = "Product";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Product(c.Source.Row.Id));
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Row.Title);
        Field<NonNullGraphType<StringGraphType>>("handle").Resolve(c => c.Source.Row.Handle);
        Field<NonNullGraphType<ProductStatusGraphType>>("status").Resolve(c => c.Source.Row.Status);
        Field<NonNullGraphType<StringGraphType>>("vendor").Resolve(c => c.Source.Row.Vendor);
        Field<NonNullGraphType<StringGraphType>>("productType").Resolve(c => c.Source.Row.ProductType);
        Field<NonNullGraphType<HtmlGraphType>>("descriptionHtml").Resolve(c => c.Source.Row.DescriptionHtml);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .Resolve(c => c.Source.Row.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Field<NonNullGraphType<IntGraphType>>("totalInventory").Resolve(c => c.Source.TotalAvailable);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<NonNullGraphType<ProductVariantConnectionGraphType>>("variants")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Variants, v => v.Row.Id));
    }
}

public sealed class ProductVariantGraphType : ObjectGraphType<VariantNode>
{
    public ProductVariantGraphType()
    {
        Name = "ProductVariant";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Variant(c.Source.Row.Id));
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Row.Title);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => $"{c.Source.Product.Row.Title} - {c.Source.Row.Title}");
        Field<StringGraphType>("sku").Resolve(c => c.Source.Row.Sku);
        Field<StringGraphType>("barcode").Resolve(c => c.Source.Row.Barcode);
        Field<NonNullGraphType<IntGraphType>>("position").Resolve(c => c.Source.Row.Position);
        Field<NonNullGraphType<MoneyGraphType>>("price").Resolve(c => c.Source.Row.Price);
        Field<MoneyGraphType>("compareAtPrice").Resolve(c => c.Source.Row.CompareAtPrice);
        Field<IntGraphType>("inventoryQuantity").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<ProductVariantInventoryPolicyGraphType>>("inventoryPolicy").Resolve(c => c.Source.Row.InventoryPolicy);
        Field<NonNullGraphType<InventoryItemGraphType>>("inventoryItem").Resolve(c => c.Source);
        Field<NonNullGraphType<ProductGraphType>>("product").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
    }
}
