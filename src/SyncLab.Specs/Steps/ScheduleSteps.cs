using System.Globalization;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>Scheduled jobs on the business clock: the nightly reconciliation's schedule, its runs, the engine down for maintenance.</summary>
[Binding]
public sealed class ScheduleSteps(ScheduleDriver schedules)
{
    private const string Zone = @"([A-Za-z_]+(?:/[A-Za-z_]+)*)";
    private const string Day = @"(\d{4}-\d{2}-\d{2})";
    private const string Time = @"(\d{2}:\d{2})";

    [Given(@"^the engine reconciles the storefront with the ERP every night at " + Time + " in " + Zone + "$")]
    public Task GivenANightlyReconciliation(string time, string zone)
    {
        var at = TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
        return schedules.ScheduleAsync(ScheduleDriver.Reconciliation, string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} * * *"), zone);
    }

    /// <summary>The schedule as the merchant's setting spells it: a cron expression on the zone's wall clock.</summary>
    [Given(@"^the engine reconciles the storefront with the ERP on the schedule ""([^""]+)"" in " + Zone + "$")]
    public Task GivenAReconciliationSchedule(string cron, string zone) => schedules.ScheduleAsync(ScheduleDriver.Reconciliation, cron, zone);

    [When(@"^the nightly reconciliation has run$")]
    public Task WhenTheNightlyReconciliationHasRun() => schedules.RunNextAsync(ScheduleDriver.Reconciliation);

    [When(@"^the engine is down for maintenance until " + Day + " " + Time + " in " + Zone + "$")]
    public Task WhenTheEngineIsDown(string day, string time, string zone) => schedules.DownUntilAsync(BusinessTime.At($"{day} {time}", zone));

    [Then(@"^the reconciliation has run (\d+) times? on " + Day + " in " + Zone + "$")]
    public async Task ThenRunsOnDay(int count, string day, string zone)
    {
        var runs = await RunsOnAsync(day, zone);
        Expect.That(runs.Count == count, $"the reconciliation ran {runs.Count} times for {day} in {zone} ({Describe(runs)}), expected {count}");
    }

    [Then(@"^the reconciliation ran once on " + Day + ", at " + Time + " in " + Zone + "$")]
    public async Task ThenRanOnceAt(string day, string time, string zone)
    {
        var runs = await RunsOnAsync(day, zone);
        var expected = BusinessTime.At($"{day} {time}", zone);
        Expect.That(runs.Count == 1 && runs[0].Occurrence == expected, $"the reconciliation ran for {day} in {zone} at {Describe(runs)}, expected once at {time} ({expected:O})");
    }

    [Then(@"^the reconciliation for " + Day + @" ran late, once, standing in for (\d+) missed nights?$")]
    public async Task ThenRanLate(string day, int missed)
    {
        var runs = (await schedules.RunsAsync(ScheduleDriver.Reconciliation)).Where(r => DateOnly.FromDateTime(r.OccurrenceLocal.DateTime) == BusinessTime.Day(day)).ToList();
        Expect.That(runs.Count == 1 && runs[0].Late && runs[0].Missed == missed, $"the reconciliation for {day} ran as {Describe(runs)}, expected once, late, for {missed} missed nights");
    }

    [Then(@"^the engine's next reconciliation is at " + Day + " " + Time + " in " + Zone + "$")]
    public async Task ThenTheNextRunIs(string day, string time, string zone)
    {
        var next = await schedules.NextRunAsync(ScheduleDriver.Reconciliation);
        var expected = BusinessTime.At($"{day} {time}", zone);
        Expect.That(next == expected, $"the engine's next reconciliation is at {next:O}, expected {expected:O}");
    }

    private async Task<List<JobRun>> RunsOnAsync(string day, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return (await schedules.RunsAsync(ScheduleDriver.Reconciliation))
            .Where(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.Occurrence, tz).DateTime) == BusinessTime.Day(day))
            .ToList();
    }

    private static string Describe(IReadOnlyList<JobRun> runs) =>
        runs.Count == 0 ? "never" : string.Join(", ", runs.Select(r => $"{r.OccurrenceLocal:yyyy-MM-dd HH:mm zzz}{(r.Late ? $" late ({r.Missed} missed)" : string.Empty)}"));
}
