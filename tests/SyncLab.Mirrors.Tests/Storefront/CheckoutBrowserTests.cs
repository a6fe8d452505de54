using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>A shopper in Debian Chromium: product page, cart, checkout, confirmation; then the admin's view of the order.</summary>
public sealed class CheckoutBrowserTests(StorefrontBrowserHost host) : IClassFixture<StorefrontBrowserHost>
{
    [Fact]
    public async Task a_shopper_adds_to_cart_checks_out_sees_the_confirmation_and_the_admin_api_shows_the_order()
    {
        var sku = host.WebSkus[18];
        await host.SetAvailableAsync(sku, 6);
        var variant = await host.VariantBySkuAsync(sku);
        var page = await host.Browser.NewPageAsync();
        await page.GotoAsync(Url($"/products/{variant.GetProperty("product").GetProperty("handle").GetString()}"));

        await page.GetByTestId("quantity").FillAsync("2");
        await page.GetByTestId("add-to-cart").ClickAsync();
        await page.WaitForURLAsync("**/cart");
        Assert.Equal("2", await page.GetByTestId("cart-line-quantity").InputValueAsync());
        await page.GetByTestId("checkout").ClickAsync();
        await page.WaitForURLAsync("**/checkout");
        await page.GetByTestId("email").FillAsync("browser.shopper@example.com");
        await page.GetByTestId("first-name").FillAsync("Bea");
        await page.GetByTestId("last-name").FillAsync("Browser");
        await page.GetByTestId("address1").FillAsync("77 Chromium Ave");
        await page.GetByTestId("city").FillAsync("Springfield");
        await page.GetByTestId("province").FillAsync("IL");
        await page.GetByTestId("zip").FillAsync("62701");
        await page.GetByTestId("country").SelectOptionAsync("US");
        await page.GetByTestId("accepts-marketing").CheckAsync();
        await page.GetByTestId("place-order").ClickAsync();
        // The confirmation, or checkout again with its errors: whichever comes, the failure says which and why.
        await page.GetByTestId("order-name").Or(page.GetByTestId("checkout-errors")).First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.True(await page.GetByTestId("order-name").CountAsync() == 1,
            $"checkout did not confirm the order: at {page.Url}, '{string.Join("; ", await page.GetByTestId("checkout-error").AllInnerTextsAsync())}'");

        var name = await page.GetByTestId("order-name").InnerTextAsync();
        Assert.Matches("^#10[0-9]{2}$", name);
        Assert.Equal("browser.shopper@example.com", await page.GetByTestId("order-email").InnerTextAsync());
        var data = await host.DataAsync(
            """
            query($q: String!) { orders(first: 1, query: $q) { nodes {
              name email customerAcceptsMarketing displayFinancialStatus
              customer { email firstName emailMarketingConsent { marketingState } }
              shippingAddress { city zip }
              lineItems(first: 5) { nodes { sku quantity } }
            } } }
            """,
            new { q = $"name:{name}" });
        var order = Assert.Single(data.GetProperty("orders").GetProperty("nodes").EnumerateArray());
        Assert.Equal("browser.shopper@example.com", order.GetProperty("email").GetString());
        Assert.True(order.GetProperty("customerAcceptsMarketing").GetBoolean());
        Assert.Equal("SUBSCRIBED", order.GetProperty("customer").GetProperty("emailMarketingConsent").GetProperty("marketingState").GetString());
        Assert.Equal("Springfield", order.GetProperty("shippingAddress").GetProperty("city").GetString());
        var line = order.GetProperty("lineItems").GetProperty("nodes")[0];
        Assert.Equal((sku, 2), (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32()));
        Assert.Equal(4, (await host.QuantitiesAsync(sku))["available"]);

        await page.GotoAsync(Url("/cart"));
        Assert.Equal(1, await page.GetByTestId("cart-empty").CountAsync());
    }

    [Fact]
    public async Task the_cart_holds_no_more_than_is_left_and_checkout_refuses_what_sold_out_meanwhile()
    {
        var sku = host.WebSkus[19];
        await host.SetAvailableAsync(sku, 2);
        var variant = await host.VariantBySkuAsync(sku);
        var page = await host.Browser.NewPageAsync();
        await page.GotoAsync(Url($"/products/{variant.GetProperty("product").GetProperty("handle").GetString()}"));
        Assert.Equal("Only 2 left", await page.GetByTestId("stock-message").InnerTextAsync());

        await page.GetByTestId("quantity").FillAsync("5");
        await page.GetByTestId("add-to-cart").ClickAsync();
        await page.WaitForURLAsync("**/cart*");

        Assert.Contains("Only 2 left", await page.GetByTestId("cart-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2", await page.GetByTestId("cart-line-quantity").InputValueAsync());

        await page.GetByTestId("checkout").ClickAsync();
        await page.WaitForURLAsync("**/checkout");
        await host.SetAvailableAsync(sku, 0);
        await page.GetByTestId("email").FillAsync("late.shopper@example.com");
        await page.GetByTestId("last-name").FillAsync("Late");
        await page.GetByTestId("address1").FillAsync("1 Sold Out St");
        await page.GetByTestId("city").FillAsync("Chicago");
        await page.GetByTestId("province").FillAsync("IL");
        await page.GetByTestId("zip").FillAsync("60601");
        await page.GetByTestId("place-order").ClickAsync();

        var error = page.GetByTestId("checkout-error");
        Assert.Equal("OUT_OF_STOCK", await error.GetAttributeAsync("data-code"));
        Assert.Contains("out of stock", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("late.shopper@example.com", await page.GetByTestId("email").InputValueAsync());
    }

    private string Url(string path) => new Uri(host.Http.BaseAddress!, path).ToString();
}
