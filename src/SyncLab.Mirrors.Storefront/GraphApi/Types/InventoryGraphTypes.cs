using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

/// <summary>An inventory item, served from its variant (one-to-one in Shopify).</summary>
public sealed class InventoryItemGraphType : ObjectGraphType<VariantNode>
{
    public InventoryItemGraphType()
    {
        Name = "InventoryItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.InventoryItem(c.Source.Row.InventoryItemId));
        Field<StringGraphType>("sku").Resolve(c => c.Source.Row.Sku);
        Field<NonNullGraphType<BooleanGraphType>>("tracked").Resolve(c => c.Source.Row.Tracked);
        Field<NonNullGraphType<ProductVariantGraphType>>("variant").Resolve(c => c.Source);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<NonNullGraphType<InventoryLevelConnectionGraphType>>("inventoryLevels")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Levels, l => l.Location.Id));
        Field<InventoryLevelGraphType>("inventoryLevel")
            .Argument<NonNullGraphType<IdGraphType>>("locationId")
            .Resolve(c =>
            {
                var locationId = c.GidArgument("locationId", "Location");
                return c.Source.Levels.FirstOrDefault(l => l.Location.Id == locationId);
            });
    }
}

public sealed record QuantityValue(string Name, int Quantity, DateTimeOffset UpdatedAt);

public sealed class InventoryLevelGraphType : ObjectGraphType<LevelNode>
{
    public InventoryLevelGraphType()
    {
        Name = "InventoryLevel";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.InventoryLevel(c.Source.Location.Id, c.Source.Row.InventoryItemId));
        Field<NonNullGraphType<LocationGraphType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<InventoryItemGraphType>>("item").Resolve(c => c.Source.Item);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InventoryQuantityGraphType>>>>("quantities")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("names")
            .Resolve(c =>
            {
                var names = c.GetArgument<List<string>>("names");
                var unknown = names.FirstOrDefault(n => !QuantityNames.All.Contains(n));
                if (unknown is not null)
                {
                    throw new ExecutionError($"Invalid quantity name '{unknown}'. Valid names: {string.Join(", ", QuantityNames.All)}.") { Code = "BAD_REQUEST" };
                }
                return names.Select(n => new QuantityValue(n, QuantityNames.Read(c.Source.Row, n)!.Value, c.Source.Row.UpdatedAt)).ToList();
            });
    }
}

public sealed class InventoryQuantityGraphType : ObjectGraphType<QuantityValue>
{
    public InventoryQuantityGraphType()
    {
        Name = "InventoryQuantity";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
        Field<ShopifyDateTimeGraphType>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

public sealed class LocationGraphType : ObjectGraphType<LocationRecord>
{
    public LocationGraphType()
    {
        Name = "Location";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Location(c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("isActive").Resolve(c => c.Source.IsActive);
        Field<NonNullGraphType<BooleanGraphType>>("fulfillsOnlineOrders").Resolve(c => c.Source.FulfillsOnlineOrders);
    }
}
