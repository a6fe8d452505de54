using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>A sales tax rate that changes at an instant: checkout charges the rate in force when the order is placed.</summary>
public sealed class TaxRateChangeTests(StorefrontHost host) : IClassFixture<StorefrontHost>
{
    [Fact]
    public async Task an_order_a_minute_before_the_change_pays_the_old_rate_and_one_at_the_change_the_new()
    {
        await host.ResetAsync();
        var sku = host.WebSkus[0];
        await host.SetAvailableAsync(sku, 10);
        var change = host.Clock.GetUtcNow().AddMinutes(1);
        using (var scheduled = await host.Http.PutAsJsonAsync("/_synclab/storefront/tax-rates", new { rate = 0.085m, effectiveFrom = change }))
        {
            Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        }

        var before = await host.PlaceOrderAsync(Order("before@example.com", sku));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await host.PlaceOrderAsync(Order("after@example.com", sku));

        var price = decimal.Parse(before.GetProperty("lines")[0].GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(price * 0.08m, 2, MidpointRounding.AwayFromZero), decimal.Parse(before.GetProperty("totalTax").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(price * 0.085m, 2, MidpointRounding.AwayFromZero), decimal.Parse(after.GetProperty("totalTax").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var rate = (await host.DataAsync("query($id: ID!) { order(id: $id) { lineItems(first: 1) { edges { node { taxLines { rate } } } } } }", new { id = after.GetProperty("id").GetString() }))
            .GetProperty("order").GetProperty("lineItems").GetProperty("edges")[0].GetProperty("node").GetProperty("taxLines")[0].GetProperty("rate").GetDouble();
        Assert.Equal(0.085, rate, 6);

        // A reset forgets the change: checkout is back at the shop's rate.
        await host.ResetAsync();
        await host.SetAvailableAsync(sku, 10);
        var reset = await host.PlaceOrderAsync(Order("reset@example.com", sku));
        Assert.Equal(Math.Round(price * 0.08m, 2, MidpointRounding.AwayFromZero), decimal.Parse(reset.GetProperty("totalTax").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task a_rate_outside_0_to_1_or_without_an_instant_is_a_400_problem()
    {
        using var tooHigh = await host.Http.PutAsJsonAsync("/_synclab/storefront/tax-rates", new { rate = 8.5m, effectiveFrom = host.Clock.GetUtcNow() });
        using var noInstant = await host.Http.PutAsJsonAsync("/_synclab/storefront/tax-rates", new { rate = 0.085m });

        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noInstant.StatusCode);
        Assert.Equal("application/problem+json", noInstant.Content.Headers.ContentType?.MediaType);
    }

    private static object Order(string email, string sku) => new
    {
        email,
        shippingAddress = new { firstName = "Tax", lastName = "Payer", address1 = "1 Main St", city = "Chicago", provinceCode = "IL", zip = "60601", countryCode = "US" },
        lines = new[] { new { sku, quantity = 1 } },
    };
}
