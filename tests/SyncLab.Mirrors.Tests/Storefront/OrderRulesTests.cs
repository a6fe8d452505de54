using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Orders;
using SyncLab.Mirrors.Storefront.Shop;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>The order rules, pure: checkout's decision, display statuses, the cart cookie.</summary>
public sealed class OrderRulesTests
{
    private static readonly AddressInput Address = new("Ada", "Lovelace", null, "1 Main St", null, "Chicago", "IL", "60601", "US", null);
    private static readonly OrderPlanner.Pricing Pricing = new(0.08m, 5m);

    [Fact]
    public void an_order_is_priced_per_line_with_tax_to_the_cent_and_one_shipping_charge()
    {
        var item = Stocked(1, 12.35m, ProductStatuses.Active, (80_000_001, 10));

        var plan = Decide([new OrderLineInput("SKU-1", null, 3)], item);

        Assert.False(plan.Rejected);
        Assert.Equal(37.05m, plan.Subtotal);
        Assert.Equal(2.96m, plan.Tax);
        Assert.Equal(5m, plan.Shipping);
        Assert.Equal(45.01m, plan.Total);
    }

    [Fact]
    public void units_are_taken_from_the_selling_locations_in_order_and_the_same_sku_twice_is_one_line()
    {
        var item = Stocked(1, 10m, ProductStatuses.Active, (80_000_001, 2), (80_000_002, 5));

        var plan = Decide([new OrderLineInput("SKU-1", null, 2), new OrderLineInput("sku-1", null, 2)], item);

        var line = Assert.Single(plan.Lines);
        Assert.Equal(4, line.Quantity);
        Assert.Equal([(80_000_001L, 2), (80_000_002L, 2)], line.Allocation);
    }

    [Theory]
    [InlineData(ProductStatuses.Active, 0, 1, "OUT_OF_STOCK")]
    [InlineData(ProductStatuses.Active, 3, 4, "NOT_ENOUGH_STOCK")]
    [InlineData(ProductStatuses.Archived, 9, 1, "NO_LONGER_AVAILABLE")]
    [InlineData(ProductStatuses.Draft, 9, 1, "NOT_FOUND")]
    [InlineData(ProductStatuses.Active, 9, 0, "INVALID_QUANTITY")]
    public void what_cannot_be_sold_is_refused_with_a_reason(string status, int available, int quantity, string code)
    {
        var plan = Decide([new OrderLineInput("SKU-1", null, quantity)], Stocked(1, 10m, status, (80_000_001, available)));

        Assert.True(plan.Rejected);
        Assert.Equal(code, Assert.Single(plan.Problems).Code);
    }

    [Fact]
    public void a_variant_sold_when_out_of_stock_is_owed_by_the_first_location_for_what_none_has()
    {
        var item = Stocked(1, 10m, ProductStatuses.Active, (80_000_001, 0), (80_000_002, 2));
        item.Variant.InventoryPolicy = InventoryPolicies.Continue;

        var plan = Decide([new OrderLineInput("SKU-1", null, 5)], item);

        Assert.False(plan.Rejected);
        Assert.Equal([(80_000_001L, 3), (80_000_002L, 2)], Assert.Single(plan.Lines).Allocation);
    }

    [Theory]
    [InlineData("not-an-email", "US", "IL", "INVALID_EMAIL")]
    [InlineData("a@example.com", "ZZ", null, "INVALID_COUNTRY")]
    [InlineData("a@example.com", "US", "XX", "INVALID_PROVINCE")]
    public void contact_and_address_are_checked(string email, string country, string? province, string code)
    {
        var plan = OrderPlanner.Decide(email, Address with { CountryCode = country, ProvinceCode = province }, [new OrderLineInput("SKU-1", null, 1)],
            _ => Stocked(1, 10m, ProductStatuses.Active, (80_000_001, 5)), Pricing);

        Assert.Contains(plan.Problems, p => p.Code == code);
    }

    [Fact]
    public void fulfillment_status_follows_what_shipped_and_what_was_taken_off()
    {
        OrderLineRecord Line(int quantity, int fulfilled, int removed) =>
            new() { Title = "T", Quantity = quantity, FulfilledQuantity = fulfilled, RemovedQuantity = removed };

        Assert.Equal(OrderStatuses.Unfulfilled, OrderProgress.FulfillmentStatus([Line(2, 0, 0)], false));
        Assert.Equal(OrderStatuses.PartiallyFulfilled, OrderProgress.FulfillmentStatus([Line(2, 1, 0)], false));
        Assert.Equal(OrderStatuses.Fulfilled, OrderProgress.FulfillmentStatus([Line(2, 1, 1)], false));
        Assert.Equal(OrderStatuses.Restocked, OrderProgress.FulfillmentStatus([Line(2, 0, 2)], anyRestocked: true));
        Assert.Equal(OrderStatuses.Unfulfilled, OrderProgress.FulfillmentStatus([Line(2, 0, 2)], anyRestocked: false));
    }

    [Theory]
    [InlineData("10.00", "0", OrderStatuses.Paid)]
    [InlineData("10.00", "4.00", OrderStatuses.PartiallyRefunded)]
    [InlineData("10.00", "10.00", OrderStatuses.Refunded)]
    public void financial_status_follows_the_money_refunded(string received, string refunded, string status) =>
        Assert.Equal(status, OrderProgress.FinancialStatus(decimal.Parse(received, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(refunded, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void the_cart_cookie_round_trips_and_a_broken_one_is_a_new_empty_cart()
    {
        var cart = Cart.New().With(4_000_000_001, 2).With(4_000_000_002, 1).With(4_000_000_001, 3);

        var back = Cart.Parse(cart.Format());

        Assert.Equal(cart.Token, back.Token);
        Assert.Equal([(4_000_000_001L, 3), (4_000_000_002L, 1)], back.Lines);
        Assert.True(Cart.Parse("garbage").IsEmpty);
        Assert.Empty(back.With(4_000_000_001, 0).With(4_000_000_002, 0).Lines);
    }

    [Theory]
    [InlineData("12.5", "12.50")]
    [InlineData("18.0", "18")]
    [InlineData("29.99", "29.99")]
    public void decimal_amounts_print_as_shopify_prints_them(string expected, string amount) =>
        Assert.Equal(expected, ShopifyDecimalGraphType.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    private static OrderPlan Decide(IReadOnlyList<OrderLineInput> lines, StockedVariant item) =>
        OrderPlanner.Decide("a@example.com", Address, lines,
            line => string.Equals(line.Sku, item.Variant.Sku, StringComparison.OrdinalIgnoreCase) || line.VariantId == item.Variant.Id ? item : null, Pricing);

    private static StockedVariant Stocked(long id, decimal price, string status, params (long LocationId, int Available)[] levels) => new(
        new VariantRecord { Id = id, ProductId = id, Sku = "SKU-1", Price = price, InventoryItemId = id },
        new ProductRecord { Id = id, Handle = "p", Title = "Product", Status = status },
        levels);
}
