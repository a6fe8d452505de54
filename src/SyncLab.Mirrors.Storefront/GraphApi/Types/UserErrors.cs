using GraphQL.Types;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

/// <summary>A userErrors entry: what was wrong with the input, as Shopify reports it (HTTP 200, in the payload).</summary>
public sealed record UserErrorValue(IReadOnlyList<string>? Field, string Message, string? Code = null);

public sealed class UserErrorGraphType : ObjectGraphType<UserErrorValue>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

/// <summary>A userErrors entry that also carries a machine-readable code enum.</summary>
public abstract class CodedUserErrorGraphType<TCodeType> : ObjectGraphType<UserErrorValue>
    where TCodeType : IGraphType
{
    protected CodedUserErrorGraphType(string name)
    {
        Name = name;
        Field<TCodeType>("code").Resolve(c => c.Source.Code);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

public sealed class ProductVariantsBulkUpdateUserErrorGraphType()
    : CodedUserErrorGraphType<ProductVariantsBulkUpdateUserErrorCodeGraphType>("ProductVariantsBulkUpdateUserError");

public sealed class InventorySetQuantitiesUserErrorGraphType()
    : CodedUserErrorGraphType<InventorySetQuantitiesUserErrorCodeGraphType>("InventorySetQuantitiesUserError");

public sealed class InventoryAdjustQuantitiesUserErrorGraphType()
    : CodedUserErrorGraphType<InventoryAdjustQuantitiesUserErrorCodeGraphType>("InventoryAdjustQuantitiesUserError");

public sealed class ProductSetUserErrorGraphType()
    : CodedUserErrorGraphType<ProductSetUserErrorCodeGraphType>("ProductSetUserError");
