using GraphQL;
using GraphQLParser;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Cost;
using SyncLab.Mirrors.Storefront.Inventory;
using SyncLab.Mirrors.Storefront.Shop;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>The mirror's pure rules, without a host.</summary>
public sealed class StorefrontRulesTests
{
    private static readonly AdminSchema Schema = Initialized();

    [Fact]
    public void search_terms_joined_by_or_become_alternatives_and_spaces_become_conjunctions()
    {
        var query = SearchQuery.Parse("sku:SKU-000001 OR sku:'SKU-000002' status:active,draft -vendor:Contoso");

        Assert.Equal(2, query.AnyOf.Count);
        Assert.Equal(("sku", "SKU-000001"), (query.AnyOf[0][0].Field, query.AnyOf[0][0].Value));
        Assert.Equal("SKU-000002", query.AnyOf[1][0].Value);
        Assert.Equal(["active", "draft"], query.AnyOf[1][1].Values);
        Assert.True(query.AnyOf[1][2].Negated);
    }

    [Fact]
    public void a_date_comparison_keeps_its_comparator()
    {
        var term = SearchQuery.Parse("updated_at:>'2026-11-01T00:00:00Z'").AnyOf[0][0];

        Assert.Equal(">", term.Comparator);
        Assert.Equal("2026-11-01T00:00:00Z", term.Value);
    }

    [Theory]
    [InlineData("BLK CTN T-SHIRT SML", "Black Cotton T-Shirt Small")]
    [InlineData("NAVY SS WTR BTL 3PK", "Navy Stainless Water Bottle Pack of 3")]
    [InlineData("Red Oak Cutting Board Large", "Red Oak Cutting Board Large")]
    public void office_shorthand_becomes_a_clean_title(string description, string title) =>
        Assert.Equal(title, ProductTitles.Clean(description));

    [Fact]
    public void handles_are_slugs_of_the_title() =>
        Assert.Equal("navy-stainless-water-bottle-pack-of-3", ProductTitles.Handle("Navy Stainless Water Bottle (Pack of 3)"));

    [Theory]
    [InlineData(ProductStatuses.Active, 40, "In stock")]
    [InlineData(ProductStatuses.Active, 5, "Only 5 left")]
    [InlineData(ProductStatuses.Active, 1, "Only 1 left")]
    [InlineData(ProductStatuses.Active, 0, "Out of stock – back soon")]
    [InlineData(ProductStatuses.Archived, 12, "No longer available")]
    public void the_stock_message_follows_status_and_available_quantity(string status, int available, string message) =>
        Assert.Equal(message, StockMessage.For(status, available, lowStockThreshold: 5));

    [Theory]
    [InlineData(ProductStatuses.Active, 0, true, "Out of stock – order now, ships when back", true)]
    [InlineData(ProductStatuses.Active, 0, false, "Out of stock – back soon", false)]
    [InlineData(ProductStatuses.Archived, 0, true, "No longer available", false)]
    public void a_variant_sold_when_out_of_stock_can_still_be_bought(string status, int available, bool continues, string message, bool purchasable)
    {
        Assert.Equal(message, StockMessage.For(status, available, lowStockThreshold: 5, soldWhenOutOfStock: continues));
        Assert.Equal(purchasable, StockMessage.Purchasable(status, available, continues));
    }

    [Theory]
    [InlineData("{ products(first: 10) { edges { node { id title } } } }", 12)]
    [InlineData("{ products(first: 10) { nodes { id variants(first: 5) { nodes { sku } } } } }", 2 + (10 * (1 + 2 + 5)))]
    [InlineData("{ productVariant(id: \"gid://shopify/ProductVariant/1\") { sku product { title } inventoryItem { id } } }", 3)]
    [InlineData("{ locations(first: 3) { edges { cursor node { id } } pageInfo { hasNextPage } } }", 5)]
    [InlineData("mutation { productUpdate(product: {id: \"x\"}) { product { id } userErrors { message } } }", 10)]
    public void the_requested_cost_follows_shopifys_rules(string query, int cost)
    {
        var document = Parser.Parse(query);

        Assert.Equal(cost, QueryCost.Requested(Schema, document, QueryCost.Operation(document, null)!, null));
    }

    [Fact]
    public void a_page_size_given_as_a_variable_sizes_the_connection()
    {
        var document = Parser.Parse("query($n: Int) { products(first: $n) { nodes { id } } }");

        var cost = QueryCost.Requested(Schema, document, QueryCost.Operation(document, null)!, new Inputs(new Dictionary<string, object?> { ["n"] = 100 }));

        Assert.Equal(102, cost);
    }

    [Fact]
    public void setting_on_hand_moves_available_by_the_same_delta_and_checks_the_on_hand_compare_quantity()
    {
        var level = new InventoryLevelRecord { InventoryItemId = 5, LocationId = 8, Available = 4, Reserved = 2 };
        var state = new InventoryChanges.InventoryState(
            new Dictionary<long, VariantRecord> { [5] = new() { Id = 1, InventoryItemId = 5, Sku = "SKU-1" } },
            new Dictionary<long, LocationRecord> { [8] = new() { Id = 8, Code = "WH01", Name = "Warehouse 1" } },
            new Dictionary<(long, long), InventoryLevelRecord> { [(5, 8)] = level });
        var request = new SetQuantities.Request("on_hand", "correction", null, false,
            [new SetQuantities.QuantityInput(Gid.InventoryItem(5), Gid.Location(8), 10, CompareQuantity: 6)]);

        var (errors, changes) = SetQuantities.Decide(request, state);

        Assert.Empty(errors);
        Assert.Equal([("available", 4), ("on_hand", 4)], changes.Select(c => (c.Name, c.Delta)).ToArray());
    }

    private static AdminSchema Initialized()
    {
        var schema = new AdminSchema();
        schema.Initialize();
        return schema;
    }
}
