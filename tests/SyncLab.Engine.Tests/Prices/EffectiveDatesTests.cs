using SyncLab.Engine.Prices;

namespace SyncLab.Engine.Tests.Prices;

/// <summary>ERP calendar days in a list's time zone as instants: DST, DST gaps at midnight, leap days.</summary>
public sealed class EffectiveDatesTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Theory]
    [InlineData("2028-01-01", "2028-01-01T06:00:00Z")] // CST
    [InlineData("2027-03-14", "2027-03-14T06:00:00Z")] // the clocks spring forward at 02:00: midnight is still CST
    [InlineData("2027-03-15", "2027-03-15T05:00:00Z")] // first midnight in CDT
    [InlineData("2027-11-07", "2027-11-07T05:00:00Z")] // the clocks fall back at 02:00: midnight is still CDT
    [InlineData("2027-11-08", "2027-11-08T06:00:00Z")] // first midnight back in CST
    [InlineData("2028-02-29", "2028-02-29T06:00:00Z")]
    public void a_day_starts_at_local_midnight_with_that_days_offset(string day, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EffectiveDates.StartOfDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Chicago));
    }

    [Fact]
    public void where_the_clocks_skip_midnight_the_day_starts_when_they_jump()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September from the second on.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var day = new DateOnly(2027, 9, 5);
        Assert.True(santiago.IsInvalidTime(day.ToDateTime(TimeOnly.MinValue)), "the test needs a zone where this midnight does not exist");

        var starts = EffectiveDates.StartOfDay(day, santiago);

        Assert.Equal(new DateTimeOffset(2027, 9, 5, 4, 0, 0, TimeSpan.Zero), starts);
        Assert.Equal(new DateTime(2027, 9, 5, 1, 0, 0), TimeZoneInfo.ConvertTime(starts, santiago).DateTime);
        Assert.Equal(new DateTime(2027, 9, 4, 23, 59, 59), TimeZoneInfo.ConvertTime(starts.AddSeconds(-1), santiago).DateTime);
    }

    [Fact]
    public void an_ending_date_is_the_last_day_in_effect_and_a_blank_one_never_ends()
    {
        var (starts, ends) = EffectiveDates.Window(new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 28), Chicago);
        Assert.Equal(new DateTimeOffset(2028, 2, 1, 6, 0, 0, TimeSpan.Zero), starts);
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 6, 0, 0, TimeSpan.Zero), ends);
        Assert.Null(EffectiveDates.Window(new DateOnly(2028, 2, 1), EffectiveDates.Blank, Chicago).Ends);
    }
}
