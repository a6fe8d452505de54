using SyncLab.Engine.Catalog;
using SyncLab.Engine.Seasons;

namespace SyncLab.Engine.Tests.Scheduling;

/// <summary>Selling seasons as instants on the merchant's wall clock, and the boundaries queued for them.</summary>
public sealed class SeasonWindowTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static ErpItemState Item(DateOnly? start, DateOnly? end) =>
        new("SKU-1", "SKU-1", 10m, 5m, false, new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero)) { WebEnabled = true, SeasonStart = start, SeasonEnd = end };

    [Fact]
    public void a_season_runs_from_local_midnight_of_its_first_day_to_local_midnight_after_its_last()
    {
        var item = Item(new DateOnly(2027, 3, 14), new DateOnly(2027, 11, 6));
        var (starts, ends) = SeasonWindow.Of(item, Chicago);
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.FromHours(-6)), starts); // spring-forward day: midnight is CST
        Assert.Equal(new DateTimeOffset(2027, 11, 7, 0, 0, 0, TimeSpan.FromHours(-5)), ends); // fall-back day: midnight is CDT
        Assert.True(SeasonWindow.IsOff(item, starts!.Value.AddTicks(-1), Chicago));
        Assert.False(SeasonWindow.IsOff(item, starts.Value, Chicago));
        Assert.False(SeasonWindow.IsOff(item, ends!.Value.AddTicks(-1), Chicago));
        Assert.True(SeasonWindow.IsOff(item, ends.Value, Chicago));
    }

    [Fact]
    public void an_item_without_a_season_is_never_off_and_an_open_season_never_ends()
    {
        Assert.False(SeasonWindow.IsOff(Item(null, null), DateTimeOffset.MaxValue.AddDays(-1), Chicago));
        Assert.False(SeasonWindow.IsOff(Item(new DateOnly(2028, 2, 29), null), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero), Chicago));
        Assert.True(SeasonWindow.IsOff(Item(new DateOnly(2028, 2, 29), null), new DateTimeOffset(2028, 2, 29, 5, 59, 0, TimeSpan.Zero), Chicago));
    }

    [Fact]
    public void only_boundaries_still_ahead_are_queued_each_due_at_its_instant_with_the_instant_as_version()
    {
        var item = Item(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 24));
        var now = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        var change = Assert.Single(SeasonWindow.BoundariesAhead([item], now, Chicago));
        var end = new DateTimeOffset(2026, 12, 25, 6, 0, 0, TimeSpan.Zero);
        Assert.Equal(SeasonBoundaryProcess.ProcessName, change.Process);
        Assert.Equal(end, change.DueAt);
        Assert.Equal(SyncLab.Engine.Pipeline.WorkQueue.Version(end), change.Version);
    }
}
