using Cronos;

namespace SyncLab.Engine.Scheduling;

/// <summary>When a scheduled job runs: a cron expression (5 fields, or 6 with seconds first) read on an IANA time zone's wall clock.</summary>
public sealed record JobSchedule(string Cron, string TimeZone);

/// <summary>
/// A parsed <see cref="JobSchedule"/> (Cronos). Occurrences are wall-clock times in the zone: a time the clocks skip
/// (spring forward) runs once at the instant they jump to; a time they show twice (fall back) runs once, the first
/// time, unless the expression itself repeats within the hour (e.g. every 15 minutes), which then runs in both.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(JobSchedule schedule, CronExpression expression, TimeZoneInfo zone)
    {
        Schedule = schedule;
        _expression = expression;
        Zone = zone;
    }

    public JobSchedule Schedule { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Parses a schedule; the problems (by field: cron, timeZone) when it cannot be read.</summary>
    public static CronSchedule? TryParse(JobSchedule schedule, out Dictionary<string, string[]> problems)
    {
        problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CronExpression? expression = null;
        if (string.IsNullOrWhiteSpace(schedule.Cron))
        {
            problems["cron"] = ["A cron expression is required, e.g. \"0 3 * * *\" (03:00 every day)."];
        }
        else
        {
            try
            {
                var text = schedule.Cron.Trim();
                var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
                expression = CronExpression.Parse(text, format);
            }
            catch (CronFormatException e)
            {
                problems["cron"] = [$"'{schedule.Cron}' is not a cron expression: {e.Message}"];
            }
        }
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(schedule.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out zone))
        {
            problems["timeZone"] = [$"'{schedule.TimeZone}' is not an IANA time zone this machine knows (e.g. America/Chicago)."];
        }
        return problems.Count == 0 ? new CronSchedule(schedule with { Cron = schedule.Cron.Trim() }, expression!, zone!) : null;
    }

    /// <summary>Parses a schedule known to be valid (configuration); throws when it is not.</summary>
    public static CronSchedule Parse(JobSchedule schedule) =>
        TryParse(schedule, out var problems)
        ?? throw new ArgumentException($"Invalid schedule: {string.Join("; ", problems.SelectMany(p => p.Value))}", nameof(schedule));

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null when the expression never fires again (e.g. 30 February).</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) =>
        _expression.GetNextOccurrence(instant.ToUniversalTime(), Zone) is { } next ? next.ToUniversalTime() : null;

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="instant"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset instant, int count)
    {
        var list = new List<DateTimeOffset>(count);
        var at = instant;
        while (list.Count < count && NextAfter(at) is { } next)
        {
            list.Add(next);
            at = next;
        }
        return list;
    }

    /// <summary>How many occurrences fall after <paramref name="from"/> up to and including <paramref name="to"/>, counting no further than <paramref name="cap"/>.</summary>
    public int CountBetween(DateTimeOffset from, DateTimeOffset to, int cap = 1000) =>
        _expression.GetOccurrences(from.ToUniversalTime(), to.ToUniversalTime(), Zone, fromInclusive: false, toInclusive: true).Take(cap).Count();

    /// <summary>An instant as the zone's wall clock shows it, with its offset (2027-03-14T03:00:00-05:00).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
