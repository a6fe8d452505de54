using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

public sealed class AdminApiQueryTests(StorefrontHost host) : IClassFixture<StorefrontHost>
{
    [Fact]
    public async Task when_a_variant_is_looked_up_by_sku_it_comes_with_its_product_inventory_item_and_levels()
    {
        var sku = host.WebSkus[0];
        var item = host.Estate.Items.Single(i => i.Sku == sku);

        var variant = await host.VariantBySkuAsync(sku);

        Assert.StartsWith("gid://shopify/ProductVariant/", variant.GetProperty("id").GetString());
        Assert.Equal(sku, variant.GetProperty("sku").GetString());
        Assert.Equal(item.UnitPrice.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), variant.GetProperty("price").GetString());
        Assert.Equal(JsonValueKind.Null, variant.GetProperty("compareAtPrice").ValueKind);
        Assert.Equal(item.Gtin, variant.GetProperty("barcode").GetString());
        Assert.Equal("ACTIVE", variant.GetProperty("product").GetProperty("status").GetString());
        Assert.StartsWith("gid://shopify/InventoryItem/", variant.GetProperty("inventoryItem").GetProperty("id").GetString());
        var level = variant.GetProperty("inventoryItem").GetProperty("inventoryLevels").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal("Warehouse 1", level.GetProperty("location").GetProperty("name").GetString());
        var stock = host.Estate.Stock.Single(s => s.Sku == sku && s.LocationCode == "WH01").Quantity;
        Assert.Equal(Math.Max(0, stock), level.GetProperty("quantities")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task when_products_are_searched_by_sku_only_the_product_with_that_variant_is_returned()
    {
        var sku = host.WebSkus[1];

        var data = await host.DataAsync("""
            { products(first: 5, query: "sku:SKU") { edges { node { id } } } }
            """.Replace("SKU", sku, StringComparison.Ordinal));

        var edges = data.GetProperty("products").GetProperty("edges");
        Assert.Equal(1, edges.GetArrayLength());
    }

    [Fact]
    public async Task when_products_are_paged_the_cursor_continues_where_the_first_page_ended()
    {
        var first = await host.DataAsync("{ products(first: 2, query: \"status:active\") { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }");
        var page = first.GetProperty("products");
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var second = await host.DataAsync(
            "query($after: String) { products(first: 2, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }",
            new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() });

        var firstIds = page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToList();
        var secondIds = second.GetProperty("products").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.True(second.GetProperty("products").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task every_answer_carries_the_calculated_cost_extension()
    {
        var answer = await host.GraphAsync("{ products(first: 10) { edges { node { id title } } } }");

        var cost = answer.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(12, cost.GetProperty("requestedQueryCost").GetInt32());
        Assert.Equal(12, cost.GetProperty("actualQueryCost").GetInt32());
        var throttle = cost.GetProperty("throttleStatus");
        Assert.Equal(1000, throttle.GetProperty("maximumAvailable").GetDouble());
        Assert.Equal(100, throttle.GetProperty("restoreRate").GetDouble());
        Assert.True(throttle.TryGetProperty("currentlyAvailable", out _));
    }

    [Fact]
    public async Task a_product_location_and_inventory_item_can_be_read_by_id()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[2]);
        var productId = variant.GetProperty("product").GetProperty("id").GetString();
        var itemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString();
        var locationId = await host.FirstLocationIdAsync();

        var data = await host.DataAsync(
            """
            query($product: ID!, $item: ID!, $location: ID!) {
              product(id: $product) { id variants(first: 5) { nodes { sku } } }
              inventoryItem(id: $item) { sku inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } } }
              location(id: $location) { name }
            }
            """,
            new { product = productId, item = itemId, location = locationId });

        Assert.Equal(host.WebSkus[2], data.GetProperty("product").GetProperty("variants").GetProperty("nodes")[0].GetProperty("sku").GetString());
        Assert.Equal(host.WebSkus[2], data.GetProperty("inventoryItem").GetProperty("sku").GetString());
        Assert.Equal("available", data.GetProperty("inventoryItem").GetProperty("inventoryLevel").GetProperty("quantities")[0].GetProperty("name").GetString());
        Assert.Equal("Warehouse 1", data.GetProperty("location").GetProperty("name").GetString());
    }

    [Fact]
    public async Task an_unknown_product_id_reads_as_null()
    {
        var data = await host.DataAsync("{ product(id: \"gid://shopify/Product/1\") { id } }");

        Assert.Equal(JsonValueKind.Null, data.GetProperty("product").ValueKind);
    }

    [Fact]
    public async Task without_an_access_token_the_api_answers_401_like_shopify()
    {
        using var response = await host.PostGraphAsync("{ locations(first: 1) { nodes { id } } }", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)",
            (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("errors").GetString());
    }

    [Fact]
    public async Task with_a_wrong_access_token_the_api_answers_401()
    {
        using var response = await host.PostGraphAsync("{ locations(first: 1) { nodes { id } } }", token: "shpat_wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task an_unknown_api_version_is_not_found()
    {
        using var response = await host.PostGraphAsync("{ locations(first: 1) { nodes { id } } }", version: "2019-04");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task an_unknown_field_is_a_graphql_error_with_http_200()
    {
        var answer = await host.GraphAsync("{ products(first: 1) { edges { node { colour } } } }");

        Assert.Contains("colour", answer.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("extensions").TryGetProperty("cost", out _));
    }

    [Fact]
    public async Task a_syntax_error_is_a_graphql_error_with_http_200()
    {
        var answer = await host.GraphAsync("{ products(first: 1) { edges { node { id } }");

        Assert.Equal(JsonValueKind.Array, answer.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task a_connection_without_first_is_refused_as_shopify_does()
    {
        var answer = await host.GraphAsync("{ products { edges { node { id } } } }");

        Assert.Contains("first", answer.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
