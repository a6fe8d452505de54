using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>Each test works on its own SKU, so the shared host needs no reset between them.</summary>
public sealed class AdminApiMutationTests(StorefrontHost host) : IClassFixture<StorefrontHost>
{
    [Fact]
    public async Task when_a_variant_price_is_updated_the_variant_query_shows_it()
    {
        var sku = host.WebSkus[3];
        var variant = await host.VariantBySkuAsync(sku);
        var before = variant.GetProperty("price").GetString();

        var data = await host.DataAsync(Operations.UpdatePrices, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = new[] { new { id = variant.GetProperty("id").GetString(), price = "13.00", compareAtPrice = "19.99" } },
        });

        var payload = data.GetProperty("productVariantsBulkUpdate");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("13.00", payload.GetProperty("productVariants")[0].GetProperty("price").GetString());
        var after = await host.VariantBySkuAsync(sku);
        Assert.Equal("13.00", after.GetProperty("price").GetString());
        Assert.Equal("19.99", after.GetProperty("compareAtPrice").GetString());
        Assert.Contains(host.Ledger.Since(0), e => e.Summary == $"price {sku} {before} -> 13.00");
        Assert.Contains(host.Ledger.Since(0), e => e.Summary == $"compare-at {sku} none -> 19.99");
    }

    [Fact]
    public async Task when_compare_at_price_is_sent_as_null_it_is_cleared_and_when_left_out_it_is_kept()
    {
        var sku = host.WebSkus[4];
        var variant = await host.VariantBySkuAsync(sku);
        var productId = variant.GetProperty("product").GetProperty("id").GetString();
        var id = variant.GetProperty("id").GetString();
        await host.DataAsync(Operations.UpdatePrices, new { productId, variants = new[] { new { id, compareAtPrice = "50.00" } } });

        await host.DataAsync(Operations.UpdatePrices, new { productId, variants = new[] { new { id, price = "20.00" } } });
        Assert.Equal("50.00", (await host.VariantBySkuAsync(sku)).GetProperty("compareAtPrice").GetString());

        await host.DataAsync(Operations.UpdatePrices, new { productId, variants = new[] { new { id, compareAtPrice = (string?)null } } });
        Assert.Equal(JsonValueKind.Null, (await host.VariantBySkuAsync(sku)).GetProperty("compareAtPrice").ValueKind);
    }

    [Fact]
    public async Task when_available_is_set_at_a_location_the_level_query_shows_it()
    {
        var sku = host.WebSkus[5];
        var variant = await host.VariantBySkuAsync(sku);
        var current = Available(variant);

        var data = await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                quantities = new[]
                {
                    new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), quantity = 3, compareQuantity = current },
                },
            },
        });

        var payload = data.GetProperty("inventorySetQuantities");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        var changes = payload.GetProperty("inventoryAdjustmentGroup").GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("delta").GetInt32());
        if (current != 3)
        {
            Assert.Equal(3 - current, changes["available"]);
            Assert.Equal(3 - current, changes["on_hand"]);
        }
        var after = await host.VariantBySkuAsync(sku);
        Assert.Equal(3, Available(after));
        Assert.Equal(3, after.GetProperty("inventoryQuantity").GetInt32());
    }

    [Fact]
    public async Task when_compare_quantity_is_stale_nothing_changes_and_the_error_says_so()
    {
        var sku = host.WebSkus[6];
        var variant = await host.VariantBySkuAsync(sku);
        var current = Available(variant);

        var data = await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                quantities = new[]
                {
                    new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), quantity = current + 10, compareQuantity = current + 1 },
                },
            },
        });

        var payload = data.GetProperty("inventorySetQuantities");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("inventoryAdjustmentGroup").ValueKind);
        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("COMPARE_QUANTITY_STALE", error.GetProperty("code").GetString());
        Assert.Equal("input/quantities/0/compareQuantity", string.Join('/', error.GetProperty("field").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(current, Available(await host.VariantBySkuAsync(sku)));
    }

    [Fact]
    public async Task when_compare_quantity_is_ignored_the_quantity_is_set_whatever_it_was()
    {
        var sku = host.WebSkus[7];
        var variant = await host.VariantBySkuAsync(sku);

        var data = await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                ignoreCompareQuantity = true,
                quantities = new[] { new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), quantity = 42 } },
            },
        });

        Assert.Empty(data.GetProperty("inventorySetQuantities").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(42, Available(await host.VariantBySkuAsync(sku)));
    }

    [Fact]
    public async Task unknown_ids_are_user_errors_not_graphql_errors()
    {
        var bulk = await host.DataAsync(Operations.UpdatePrices, new
        {
            productId = "gid://shopify/Product/1",
            variants = new[] { new { id = "gid://shopify/ProductVariant/1", price = "1.00" } },
        });
        var bulkError = Assert.Single(bulk.GetProperty("productVariantsBulkUpdate").GetProperty("userErrors").EnumerateArray());
        Assert.Equal("PRODUCT_DOES_NOT_EXIST", bulkError.GetProperty("code").GetString());

        var variant = await host.VariantBySkuAsync(host.WebSkus[8]);
        var wrongVariant = await host.DataAsync(Operations.UpdatePrices, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = new[] { new { id = "gid://shopify/ProductVariant/1", price = "1.00" } },
        });
        Assert.Equal("PRODUCT_VARIANT_DOES_NOT_EXIST",
            wrongVariant.GetProperty("productVariantsBulkUpdate").GetProperty("userErrors")[0].GetProperty("code").GetString());

        var set = await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                ignoreCompareQuantity = true,
                quantities = new[] { new { inventoryItemId = "gid://shopify/InventoryItem/1", locationId = await host.FirstLocationIdAsync(), quantity = 1 } },
            },
        });
        Assert.Equal("INVALID_INVENTORY_ITEM", set.GetProperty("inventorySetQuantities").GetProperty("userErrors")[0].GetProperty("code").GetString());

        var update = await host.DataAsync("mutation { productUpdate(input: {id: \"gid://shopify/Product/1\", title: \"x\"}) { product { id } userErrors { field message } } }");
        Assert.Equal("Product does not exist", update.GetProperty("productUpdate").GetProperty("userErrors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task when_available_is_adjusted_by_a_delta_the_level_moves_by_it()
    {
        var sku = host.WebSkus[9];
        var variant = await host.VariantBySkuAsync(sku);
        var current = Available(variant);

        var data = await host.DataAsync(
            """
            mutation($input: InventoryAdjustQuantitiesInput!) {
              inventoryAdjustQuantities(input: $input) { inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } } userErrors { code field message } }
            }
            """,
            new
            {
                input = new
                {
                    name = "available",
                    reason = "received",
                    changes = new[] { new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), delta = 5 } },
                },
            });

        Assert.Empty(data.GetProperty("inventoryAdjustQuantities").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(current + 5, Available(await host.VariantBySkuAsync(sku)));
    }

    [Fact]
    public async Task when_a_product_is_archived_its_status_reads_archived()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[10]);
        var id = variant.GetProperty("product").GetProperty("id").GetString();

        var data = await host.DataAsync(
            "mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id status } userErrors { field message } } }",
            new { product = new { id, status = "ARCHIVED" } });

        Assert.Equal("ARCHIVED", data.GetProperty("productUpdate").GetProperty("product").GetProperty("status").GetString());
        Assert.Equal("ARCHIVED", (await host.VariantBySkuAsync(host.WebSkus[10])).GetProperty("product").GetProperty("status").GetString());
    }

    [Fact]
    public async Task an_input_array_above_250_items_is_refused()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[11]);
        var answer = await host.GraphAsync(Operations.UpdatePrices, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = Enumerable.Range(0, 251).Select(_ => new { id = variant.GetProperty("id").GetString(), price = "1.00" }).ToArray(),
        });

        Assert.Contains("251", answer.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static int Available(JsonElement variant) => variant.GetProperty("inventoryItem").GetProperty("inventoryLevels")
        .GetProperty("edges")[0].GetProperty("node").GetProperty("quantities").EnumerateArray()
        .Single(q => q.GetProperty("name").GetString() == "available").GetProperty("quantity").GetInt32();
}
