using SyncLab.Engine.Shoppers;

namespace SyncLab.Engine.Tests.Shoppers;

public sealed class RetentionPlanTests
{
    private static readonly ShopperRules Rules = ShopperRules.Default;
    private static readonly DateOnly Today = new(2027, 1, 1);

    [Fact]
    public void a_shopper_never_invoiced_is_erased_at_once() =>
        Assert.Equal(RetentionVerdict.Erase, RetentionPlan.OnErasureRequest(null, Today, Rules).Verdict);

    [Fact]
    public void an_invoice_inside_the_bookkeeping_period_restricts_until_ten_years_after_it()
    {
        var decision = RetentionPlan.OnErasureRequest(new DateOnly(2026, 11, 2), Today, Rules);
        Assert.Equal(RetentionVerdict.Restrict, decision.Verdict);
        Assert.Equal(new DateOnly(2036, 11, 2), decision.RetainUntil);
    }

    [Theory]
    [InlineData("2016-12-31", RetentionVerdict.Erase)]
    [InlineData("2017-01-01", RetentionVerdict.Erase)]
    [InlineData("2017-01-02", RetentionVerdict.Restrict)]
    public void the_retention_ends_on_the_tenth_anniversary_of_the_last_invoice(string invoiced, RetentionVerdict verdict) =>
        Assert.Equal(verdict, RetentionPlan.OnErasureRequest(DateOnly.Parse(invoiced, System.Globalization.CultureInfo.InvariantCulture), Today, Rules).Verdict);

    [Fact]
    public void the_purge_keeps_a_shopper_with_an_order_inside_the_inactivity_years() =>
        Assert.Equal(RetentionVerdict.Keep, RetentionPlan.OnPurge(null, new DateOnly(2024, 6, 1), new DateOnly(2020, 1, 1), null, Today, Rules).Verdict);

    [Fact]
    public void the_purge_erases_a_shopper_without_orders_for_the_inactivity_years_and_no_invoice() =>
        Assert.Equal(RetentionVerdict.Erase, RetentionPlan.OnPurge(null, new DateOnly(2023, 12, 31), new DateOnly(2023, 12, 31), null, Today, Rules).Verdict);

    [Fact]
    public void the_purge_restricts_an_inactive_shopper_the_books_still_need()
    {
        var decision = RetentionPlan.OnPurge(new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 1), null, null, new DateOnly(2026, 1, 1), Rules);
        Assert.Equal((RetentionVerdict.Restrict, (DateOnly?)new DateOnly(2032, 5, 1)), (decision.Verdict, decision.RetainUntil));
    }

    [Fact]
    public void a_shopper_known_only_recently_is_not_forgotten_for_want_of_orders() =>
        Assert.Equal(RetentionVerdict.Keep, RetentionPlan.OnPurge(null, null, new DateOnly(2026, 11, 2), null, Today, Rules).Verdict);

    [Theory]
    [InlineData("2036-11-02", "2036-01-01", RetentionVerdict.Keep)]
    [InlineData("2036-11-02", "2036-11-02", RetentionVerdict.Erase)]
    [InlineData("2036-11-02", "2037-01-01", RetentionVerdict.Erase)]
    public void a_restricted_card_is_erased_by_the_first_purge_on_or_after_its_retention_end(string until, string today, RetentionVerdict verdict) =>
        Assert.Equal(verdict, RetentionPlan.OnPurge(
            DateOnly.Parse("2026-11-02", System.Globalization.CultureInfo.InvariantCulture), null, null,
            DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Rules).Verdict);

    [Theory]
    [InlineData("2026-11-02T15:00:00Z", "2027-01-01T06:00:00Z")]
    [InlineData("2027-01-01T05:59:59Z", "2027-01-01T06:00:00Z")]
    [InlineData("2027-01-01T06:00:00Z", "2028-01-01T06:00:00Z")]
    public void the_purge_falls_on_the_merchant_s_new_year_midnight_strictly_after_now(string now, string next)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        Assert.Equal(
            DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            PurgeSchedule.NextPurge(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone, Rules));
    }
}
