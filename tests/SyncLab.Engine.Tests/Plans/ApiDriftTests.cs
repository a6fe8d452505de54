using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Prices;

namespace SyncLab.Engine.Tests.Plans;

public sealed class ApiDriftTests
{
    private const string Upgraded = """
        {"id":"6f1c2a47-0000-0000-0000-000000000001","number":"MUG-1","displayName":"Mug","displayName2":"","blocked":false,"gtin":"",
         "inventory":12,"unitPriceExcludingTax":24.99,"unitCost":9,"baseUnitOfMeasureCode":"PCS","lastModifiedDateTime":"2027-01-04T10:00:00Z"}
        """;

    [Fact]
    public void an_item_answer_without_its_price_is_read_as_drift_naming_the_field_and_what_came_instead()
    {
        var state = ErpItemState.From(JsonSerializer.Deserialize<BcItem>(Upgraded)!);

        Assert.Equal([ApiDrift.UnitPrice], state.MissingFields);
        Assert.Equal(["unitPriceExcludingTax"], state.NewFields);
        Assert.Equal(12m, state.Inventory);
    }

    [Fact]
    public void the_price_plan_refuses_a_drifted_price_instead_of_pushing_zero()
    {
        var state = ErpItemState.From(JsonSerializer.Deserialize<BcItem>(Upgraded)!);
        var variant = new ShopifyVariant("gid://shopify/ProductVariant/1", "gid://shopify/Product/1", "gid://shopify/InventoryItem/1", "MUG-1", 24.99m, null, "ACTIVE");

        var error = Assert.Throws<DataErrorException>(() => PricePlan.Decide(state, variant));

        Assert.Contains("without 'unitPrice' (it answered new fields: 'unitPriceExcludingTax')", error.Message, StringComparison.Ordinal);
        // Stock is still there to read: the inventory process is not stopped by a drifted price.
        ApiDrift.Ensure(state, "inventory", ApiDrift.Inventory);
    }

    [Fact]
    public void a_published_item_answer_is_no_drift()
    {
        var published = Upgraded.Replace("unitPriceExcludingTax", "unitPrice", StringComparison.Ordinal);
        var state = ErpItemState.From(JsonSerializer.Deserialize<BcItem>(published)!);

        Assert.Empty(state.MissingFields);
        Assert.Empty(state.NewFields);
        Assert.Equal(24.99m, state.UnitPrice);
    }
}
