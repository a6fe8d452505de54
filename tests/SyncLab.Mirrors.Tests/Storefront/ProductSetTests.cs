using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>productSet (create), inventory policy and the low-stock tag: what the catalogue life cycle of an integration needs.</summary>
public sealed class ProductSetTests(StorefrontHost host) : IClassFixture<StorefrontHost>
{
    private const string Create = """
        mutation($input: ProductSetInput!) {
          productSet(input: $input, synchronous: true) {
            product { id handle status vendor tags descriptionHtml variants(first: 1) { edges { node { sku price compareAtPrice inventoryPolicy inventoryQuantity } } } }
            userErrors { code field message }
          }
        }
        """;

    private const string SetPolicy = """
        mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { inventoryPolicy } userErrors { field message } }
        }
        """;

    [Fact]
    public async Task a_product_set_creates_the_product_its_variant_and_its_stock_in_one_call()
    {
        var location = await host.FirstLocationIdAsync();
        var data = await host.DataAsync(Create, new { input = Input("PS-0001", "Oak Lamp", location, quantity: 6, status: "DRAFT") });

        var payload = data.GetProperty("productSet");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        var product = payload.GetProperty("product");
        Assert.Equal("oak-lamp", product.GetProperty("handle").GetString());
        Assert.Equal("DRAFT", product.GetProperty("status").GetString());
        Assert.Equal("<p>Oak Lamp</p>", product.GetProperty("descriptionHtml").GetString());
        var variant = await host.VariantBySkuAsync("PS-0001");
        Assert.Equal("12.50", variant.GetProperty("price").GetString());
        Assert.Equal(6, variant.GetProperty("inventoryQuantity").GetInt32());
        Assert.Contains(host.Ledger.Since(0), e => e.Summary == "product PS-0001 created DRAFT at 12.50");
    }

    [Fact]
    public async Task a_second_product_with_the_same_title_gets_the_next_free_handle_and_a_taken_handle_asked_for_is_refused()
    {
        var location = await host.FirstLocationIdAsync();
        await host.DataAsync(Create, new { input = Input("PS-0002", "Birch Stool", location) });
        var second = await host.DataAsync(Create, new { input = Input("PS-0003", "Birch Stool", location) });
        Assert.Equal("birch-stool-1", second.GetProperty("productSet").GetProperty("product").GetProperty("handle").GetString());

        var refused = await host.DataAsync(Create, new { input = Input("PS-0004", "Birch Stool", location, handle: "birch-stool") });
        var error = refused.GetProperty("productSet").GetProperty("userErrors")[0];
        Assert.Equal("HANDLE_NOT_UNIQUE", error.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("productSet").GetProperty("product").ValueKind);
    }

    [Theory]
    [InlineData("", "INVALID_INPUT")]
    [InlineData("no variants", "VARIANTS_INPUT_MISSING")]
    [InlineData("negative", "INVALID_VARIANT")]
    public async Task bad_product_set_input_is_a_user_error_not_a_product(string problem, string code)
    {
        var location = await host.FirstLocationIdAsync();
        object input = problem switch
        {
            "" => Input("PS-0005", " ", location),
            "no variants" => new { title = "Lonely", variants = Array.Empty<object>() },
            _ => Input("PS-0005", "Negative", location, price: "-1.00"),
        };
        var data = await host.DataAsync(Create, new { input });
        Assert.Equal(code, data.GetProperty("productSet").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("productSet").GetProperty("product").ValueKind);
    }

    [Fact]
    public async Task the_inventory_policy_of_a_variant_is_set_by_a_bulk_update()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[9]);
        var data = await host.DataAsync(SetPolicy, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = new[] { new { id = variant.GetProperty("id").GetString(), inventoryPolicy = "CONTINUE" } },
        });

        Assert.Equal("CONTINUE", data.GetProperty("productVariantsBulkUpdate").GetProperty("productVariants")[0].GetProperty("inventoryPolicy").GetString());
        Assert.Contains(host.Ledger.Since(0), e => e.Summary == $"inventory-policy {host.WebSkus[9]} DENY -> CONTINUE");
    }

    [Fact]
    public async Task a_product_tagged_low_stock_says_only_n_left_above_the_shop_threshold()
    {
        var location = await host.FirstLocationIdAsync();
        var created = await host.DataAsync(Create, new { input = Input("PS-0006", "Walnut Tray", location, quantity: 9, tags: ["low-stock"]) });
        var handle = created.GetProperty("productSet").GetProperty("product").GetProperty("handle").GetString();

        var page = await host.Http.GetStringAsync(new Uri($"/products/{handle}", UriKind.Relative));

        Assert.Contains("Only 9 left", page, StringComparison.Ordinal);
    }

    private static object Input(string sku, string title, string location, int quantity = 0, string status = "ACTIVE", string price = "12.50", string? handle = null, string[]? tags = null) => new
    {
        title,
        handle,
        status,
        vendor = "Northwind",
        descriptionHtml = $"<p>{title}</p>",
        tags = tags ?? [],
        productOptions = new[] { new { name = "Title", values = new[] { new { name = "Default Title" } } } },
        variants = new[]
        {
            new
            {
                optionValues = new[] { new { optionName = "Title", name = "Default Title" } },
                sku,
                price,
                inventoryQuantities = new[] { new { locationId = location, name = "available", quantity } },
            },
        },
    };
}
