using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;

namespace SyncLab.Engine.Tests.Orders;

public sealed class SalesTaxCheckTests
{
    private static readonly IReadOnlyList<BcSalesTaxRate> Rates =
        [new(DateOnly.MinValue, 8m), new(new DateOnly(2027, 1, 1), 8.5m)];

    private static ShopifyOrder Order(decimal? rate, decimal tax) => new(
        "gid://shopify/Order/1", "#1001", "a@example.com", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, "USD", 0m, null, null, null,
        [new ShopifyOrderLine("mug-1", 2, 12.50m, "Mug", rate, tax)]);

    [Fact]
    public void the_erps_rate_is_the_latest_effective_on_or_before_the_day()
    {
        Assert.Equal(8m, SalesTaxCheck.ErpPercentOn(Rates, new DateOnly(2026, 12, 31)));
        Assert.Equal(8.5m, SalesTaxCheck.ErpPercentOn(Rates, new DateOnly(2027, 1, 1)));
        Assert.Null(SalesTaxCheck.ErpPercentOn([new(new DateOnly(2027, 1, 1), 8.5m)], new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData("2026-12-31", 0.08, 2.00)]
    [InlineData("2027-01-01", 0.085, 2.13)]
    public void tax_the_shopper_paid_at_the_erps_rate_of_the_day_passes(string day, double rate, double tax) =>
        SalesTaxCheck.Ensure(Order((decimal)rate, (decimal)tax), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Rates);

    [Fact]
    public void the_old_rate_paid_after_midnight_is_a_data_error_naming_both_rates()
    {
        var error = Assert.Throws<DataErrorException>(() => SalesTaxCheck.Ensure(Order(0.08m, 2.00m), new DateOnly(2027, 1, 1), Rates));
        Assert.Contains("MUG-1: the shopper paid 8 % sales tax (2.00) but the ERP's tax setup has 8.5 % on 2027-01-01 (2.13)", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not re-tax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_untaxed_line_against_a_taxing_erp_and_a_day_without_any_erp_rate_are_data_errors()
    {
        Assert.Throws<DataErrorException>(() => SalesTaxCheck.Ensure(Order(null, 0m), new DateOnly(2026, 12, 31), Rates));
        var none = Assert.Throws<DataErrorException>(() => SalesTaxCheck.Ensure(Order(0.08m, 2.00m), new DateOnly(2026, 12, 31), [new(new DateOnly(2027, 1, 1), 8.5m)]));
        Assert.Contains("no sales tax rate for 2026-12-31", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_right_rate_with_a_different_amount_is_a_data_error_too()
    {
        var error = Assert.Throws<DataErrorException>(() => SalesTaxCheck.Ensure(Order(0.085m, 2.12m), new DateOnly(2027, 1, 1), Rates));
        Assert.Contains("the shopper paid 2.12 sales tax; the ERP's 8.5 % comes to 2.13", error.Message, StringComparison.Ordinal);
    }
}
