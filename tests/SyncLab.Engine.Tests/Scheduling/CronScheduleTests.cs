using System.Globalization;
using SyncLab.Engine.Scheduling;

namespace SyncLab.Engine.Tests.Scheduling;

/// <summary>Next occurrences of cron schedules on a zone's wall clock: DST gaps and overlaps, 29 February, bad input.</summary>
public sealed class CronScheduleTests
{
    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static CronSchedule Chicago(string cron) => CronSchedule.Parse(new JobSchedule(cron, "America/Chicago"));

    [Theory]
    [InlineData("0 3 * * *", "2027-03-13T12:00:00-06:00", "2027-03-14T03:00:00-05:00")] // 03:00 exists on the spring-forward day (CDT)
    [InlineData("30 2 * * *", "2027-03-13T12:00:00-06:00", "2027-03-14T03:00:00-05:00")] // 02:30 is skipped: once, when the clocks jump
    [InlineData("30 2 * * *", "2027-03-14T03:00:00-05:00", "2027-03-15T02:30:00-05:00")] // and back at 02:30 the next day
    [InlineData("30 1 * * *", "2027-11-06T12:00:00-05:00", "2027-11-07T01:30:00-05:00")] // 01:30 happens twice on fall-back day: the first (CDT)
    [InlineData("30 1 * * *", "2027-11-07T01:30:00-05:00", "2027-11-08T01:30:00-06:00")] // and not again at 01:30 CST
    [InlineData("0 3 * * *", "2027-11-06T12:00:00-05:00", "2027-11-07T03:00:00-06:00")]
    [InlineData("0 3 29 2 *", "2026-11-02T09:00:00-06:00", "2028-02-29T03:00:00-06:00")] // a leap-day job waits for a leap year
    [InlineData("0 3 29 2 *", "2028-02-29T03:00:00-06:00", "2032-02-29T03:00:00-06:00")]
    [InlineData("0 3 L * *", "2028-02-01T00:00:00-06:00", "2028-02-29T03:00:00-06:00")] // last day of February 2028
    [InlineData("0 3 L * *", "2027-02-01T00:00:00-06:00", "2027-02-28T03:00:00-06:00")]
    public void the_next_occurrence_is_on_the_zones_wall_clock(string cron, string after, string expected)
    {
        Assert.Equal(At(expected), Chicago(cron).NextAfter(At(after)));
    }

    [Fact]
    public void a_job_every_quarter_hour_runs_in_both_repeated_hours_on_fall_back_day_and_skips_the_missing_hour_in_spring()
    {
        var every15 = Chicago("*/15 * * * *");
        // 01:00..01:45 CDT, then 01:00..01:45 CST: the hour happens twice, and so do its quarter hours.
        Assert.Equal(8, every15.CountBetween(At("2027-11-07T00:59:00-05:00"), At("2027-11-07T01:59:00-06:00")));
        // 01:00..01:45 CST, then 03:00 CDT: the hour from 02:00 does not exist.
        Assert.Equal(5, every15.CountBetween(At("2027-03-14T00:59:00-06:00"), At("2027-03-14T03:00:00-05:00")));
    }

    [Fact]
    public void a_nightly_job_runs_exactly_once_on_each_day_around_both_changes()
    {
        foreach (var cron in new[] { "30 1 * * *", "30 2 * * *", "0 3 * * *" })
        {
            var days = Chicago(cron).Next(At("2027-03-12T12:00:00-06:00"), 4).Select(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, Chicago(cron).Zone).DateTime)).ToList();
            Assert.Equal([new DateOnly(2027, 3, 13), new DateOnly(2027, 3, 14), new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 16)], days);
            var fall = Chicago(cron).Next(At("2027-11-05T12:00:00-05:00"), 4).Select(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, Chicago(cron).Zone).DateTime)).ToList();
            Assert.Equal([new DateOnly(2027, 11, 6), new DateOnly(2027, 11, 7), new DateOnly(2027, 11, 8), new DateOnly(2027, 11, 9)], fall);
        }
    }

    [Fact]
    public void missed_occurrences_are_counted_up_to_now()
    {
        var nightly = Chicago("0 3 * * *");
        Assert.Equal(0, nightly.CountBetween(At("2027-01-10T03:00:00-06:00"), At("2027-01-11T02:59:00-06:00")));
        Assert.Equal(2, nightly.CountBetween(At("2027-01-10T03:00:00-06:00"), At("2027-01-12T03:00:00-06:00")));
    }

    [Theory]
    [InlineData("", "America/Chicago", "cron")]
    [InlineData("0 25 * * *", "America/Chicago", "cron")]
    [InlineData("every night", "America/Chicago", "cron")]
    [InlineData("0 3 * * *", "Mars/Olympus_Mons", "timeZone")]
    [InlineData("0 3 * * *", "", "timeZone")]
    public void bad_schedules_are_refused_by_field(string cron, string zone, string field)
    {
        Assert.Null(CronSchedule.TryParse(new JobSchedule(cron, zone), out var problems));
        Assert.Contains(field, problems.Keys);
    }

    [Fact]
    public void six_fields_read_seconds_first_and_macros_are_understood()
    {
        Assert.Equal(At("2027-01-01T00:00:30-06:00"), Chicago("30 0 0 * * *").NextAfter(At("2026-12-31T12:00:00-06:00")));
        Assert.Equal(At("2027-01-01T00:00:00-06:00"), Chicago("@yearly").NextAfter(At("2026-12-31T12:00:00-06:00")));
    }

    [Fact]
    public void a_configured_schedule_that_cannot_be_read_stops_the_engine_at_startup()
    {
        var options = new EngineOptions
        {
            ErpBaseUrl = new Uri("http://127.0.0.1:1/"),
            StorefrontBaseUrl = new Uri("http://127.0.0.1:2/"),
            Schedules = new Dictionary<string, JobSchedule>(StringComparer.Ordinal) { ["reconciliation"] = new("0 3 * *", "America/Chicago") },
        };
        var failure = Assert.Throws<ArgumentException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddSyncEngineScheduling(options));
        Assert.Contains("reconciliation", failure.Message, StringComparison.Ordinal);
    }
}
