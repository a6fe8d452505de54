using SyncLab.Engine.Prices;

namespace SyncLab.Engine.Tests.Prices;

public sealed class PriceListPlanTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly EffectivePrice Year2027 = new("WEB-2027", 20m, null, At(2027, 1, 1), At(2028, 1, 1), Published);
    private static readonly EffectivePrice Sale = new("SALE", 15m, 20m, At(2027, 1, 10), At(2027, 1, 13), Published);

    [Fact]
    public void the_line_that_started_last_wins_while_it_runs_and_the_item_card_rules_when_none_runs()
    {
        Assert.Equal(new PriceInEffect(30m, null, "item card"), PriceListPlan.PriceAt([Year2027, Sale], 30m, At(2026, 12, 31)));
        Assert.Equal(new PriceInEffect(20m, null, "price list WEB-2027"), PriceListPlan.PriceAt([Year2027, Sale], 30m, At(2027, 1, 1)));
        Assert.Equal(new PriceInEffect(15m, 20m, "price list SALE"), PriceListPlan.PriceAt([Year2027, Sale], 30m, At(2027, 1, 10)));
        Assert.Equal(new PriceInEffect(15m, 20m, "price list SALE"), PriceListPlan.PriceAt([Year2027, Sale], 30m, At(2027, 1, 13).AddTicks(-1)));
        Assert.Equal(new PriceInEffect(20m, null, "price list WEB-2027"), PriceListPlan.PriceAt([Year2027, Sale], 30m, At(2027, 1, 13)));
        Assert.Equal(new PriceInEffect(30m, null, "item card"), PriceListPlan.PriceAt([Year2027, Sale], 30m, At(2028, 1, 1)));
    }

    [Fact]
    public void boundaries_ahead_are_scheduled_at_their_instants()
    {
        Assert.Equal([At(2027, 1, 10), At(2027, 1, 13)], PriceListPlan.Boundaries(Sale, Published));
        Assert.Equal([At(2027, 1, 13)], PriceListPlan.Boundaries(Sale, At(2027, 1, 10)).Skip(1));
    }

    [Fact]
    public void a_boundary_missed_is_applied_at_once_versioned_by_the_later_of_it_and_the_publication()
    {
        // Published at 10:00 with a start of today: the start is caught up now, as the publication.
        var today = new EffectivePrice("TODAY", 9m, null, At(2026, 11, 2), null, Published);
        Assert.Equal(Published, PriceListPlan.Missed(today, Published.AddMinutes(1)));
        Assert.Equal([Published], PriceListPlan.Boundaries(today, Published.AddMinutes(1)));
        // The engine was down over the sale's start: caught up as that start.
        Assert.Equal(At(2027, 1, 10), PriceListPlan.Missed(Sale, At(2027, 1, 11)));
        Assert.Null(PriceListPlan.Missed(Sale, Published));
    }

    /// <summary>Midnight in Chicago (CST) on that day.</summary>
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 6, 0, 0, TimeSpan.Zero);
}
