using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;

namespace SyncLab.Engine.Tests.Orders;

public sealed class SalesOrderPlanTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly Guid Customer = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Mug = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static ShopifyOrder Order(DateTimeOffset createdAt, params ShopifyOrderLine[] lines) => new(
        "gid://shopify/Order/5001", "#1001", "ada@example.com", createdAt, createdAt, null, "USD", 10m,
        new ShopifyAddress("Ada", "Lovelace", "1 Analytical Way", "Chicago", "60601", "US", null), "Ada", "Lovelace", lines);

    [Fact]
    public void lines_map_to_erp_items_by_canonical_sku_whatever_case_the_storefront_sends()
    {
        var plan = SalesOrderPlan.Decide(
            Order(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), new ShopifyOrderLine("sku-000001 ", 2, 12.50m, "Mug")),
            Customer,
            new Dictionary<string, Guid> { ["SKU-000001"] = Mug },
            Chicago);
        var line = Assert.Single(plan.Lines);
        Assert.Equal((Mug, 2m, 12.50m), (line.ItemId, line.Quantity, line.UnitPrice));
        Assert.Equal("SHOPIFY-5001", plan.ExternalDocumentNumber);
        Assert.Equal(Customer, plan.CustomerId);
    }

    [Fact]
    public void the_order_date_is_the_merchants_calendar_day_not_utcs()
    {
        // 01:30 UTC on 3 November is still the evening of 2 November in Chicago.
        var plan = SalesOrderPlan.Decide(
            Order(new DateTimeOffset(2026, 11, 3, 1, 30, 0, TimeSpan.Zero), new ShopifyOrderLine("SKU-000001", 1, 1m, "Mug")),
            Customer,
            new Dictionary<string, Guid> { ["SKU-000001"] = Mug },
            Chicago);
        Assert.Equal(new DateOnly(2026, 11, 2), plan.OrderDate);
    }

    [Fact]
    public void an_order_with_a_sku_the_erp_does_not_know_is_one_data_error_naming_every_problem()
    {
        var error = Assert.Throws<DataErrorException>(() => SalesOrderPlan.Decide(
            Order(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
                new ShopifyOrderLine("SKU-999999", 1, 1m, "Ghost"),
                new ShopifyOrderLine(null, 1, 1m, "Gift wrap")),
            Customer,
            new Dictionary<string, Guid>(),
            Chicago));
        Assert.Contains("SKU SKU-999999 is not an ERP item", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 'Gift wrap' has no SKU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_new_shopper_becomes_an_erp_person_named_from_the_order()
    {
        var customer = SalesOrderPlan.NewCustomer(Order(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal(("Ada Lovelace", "Person", "ada@example.com", "Chicago"), (customer.DisplayName, customer.Type, customer.Email, customer.City));
    }
}
