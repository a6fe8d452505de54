using Microsoft.Playwright;
using SyncLab.Testing;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>A storefront host plus one headless Debian Chromium, shared by the class.</summary>
public sealed class StorefrontBrowserHost : StorefrontHost
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestServices.ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class ProductPageBrowserTests(StorefrontBrowserHost host) : IClassFixture<StorefrontBrowserHost>
{
    [Fact]
    public async Task a_clearance_product_shows_its_price_the_struck_through_compare_at_price_and_how_few_are_left()
    {
        var sku = host.WebSkus[12];
        var variant = await host.VariantBySkuAsync(sku);
        await host.DataAsync(Operations.UpdatePrices, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = new[] { new { id = variant.GetProperty("id").GetString(), price = "24.00", compareAtPrice = "30.00" } },
        });
        await SetAvailableAsync(variant, 3);

        var page = await OpenAsync(variant);

        Assert.Equal("$24.00", await page.GetByTestId("price").InnerTextAsync());
        var compareAt = page.GetByTestId("compare-at-price");
        Assert.Equal("$30.00", await compareAt.InnerTextAsync());
        Assert.Contains("line-through", await compareAt.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
        Assert.Equal("Only 3 left", await page.GetByTestId("stock-message").InnerTextAsync());
    }

    [Fact]
    public async Task a_product_with_nothing_available_says_out_of_stock_and_back_soon()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[13]);
        await SetAvailableAsync(variant, 0);

        var page = await OpenAsync(variant);

        Assert.Equal("Out of stock – back soon", await page.GetByTestId("stock-message").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("compare-at-price").CountAsync());
        Assert.True(await page.GetByTestId("add-to-cart").IsDisabledAsync());
    }

    [Fact]
    public async Task an_archived_product_says_it_is_no_longer_available()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[14]);
        await host.DataAsync(
            "mutation($input: ProductInput!) { productUpdate(input: $input) { product { status } userErrors { message } } }",
            new { input = new { id = variant.GetProperty("product").GetProperty("id").GetString(), status = "ARCHIVED" } });

        var page = await OpenAsync(variant);

        Assert.Equal("No longer available", await page.GetByTestId("stock-message").InnerTextAsync());
    }

    [Fact]
    public async Task a_well_stocked_product_shows_its_price_and_in_stock()
    {
        var variant = await host.VariantBySkuAsync(host.WebSkus[15]);
        await SetAvailableAsync(variant, 40);

        var page = await OpenAsync(variant);

        Assert.Equal("$" + variant.GetProperty("price").GetString(), await page.GetByTestId("price").InnerTextAsync());
        Assert.Equal("In stock", await page.GetByTestId("stock-message").InnerTextAsync());
    }

    [Fact]
    public async Task the_catalogue_links_to_product_pages()
    {
        var page = await host.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(host.Http.BaseAddress!, "/").ToString());

        var first = page.GetByTestId("product-card").First.GetByRole(AriaRole.Link);
        var title = await first.InnerTextAsync();
        await first.ClickAsync();

        Assert.Equal(title, await page.GetByTestId("title").InnerTextAsync());
    }

    private async Task<IPage> OpenAsync(System.Text.Json.JsonElement variant)
    {
        var page = await host.Browser.NewPageAsync();
        var handle = variant.GetProperty("product").GetProperty("handle").GetString();
        var response = await page.GotoAsync(new Uri(host.Http.BaseAddress!, $"/products/{handle}").ToString());
        Assert.Equal(200, response!.Status);
        return page;
    }

    private async Task SetAvailableAsync(System.Text.Json.JsonElement variant, int quantity)
    {
        var data = await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                ignoreCompareQuantity = true,
                quantities = new[] { new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), quantity } },
            },
        });
        Assert.Empty(data.GetProperty("inventorySetQuantities").GetProperty("userErrors").EnumerateArray());
    }
}
