namespace SyncLab.Engine.Prices;

/// <summary>
/// Turns the ERP's calendar days into instants: a price list "from 2028-01-01 in America/Chicago" starts at
/// the first instant of that day on Chicago's wall clock, whatever the UTC offset is that day (DST included),
/// and "to 2028-02-28" ends at the first instant of the next day (29 February in a leap year).
/// </summary>
public static class EffectiveDates
{
    /// <summary>BC's blank date: an open end.</summary>
    public static readonly DateOnly Blank = DateOnly.MinValue;

    /// <summary>
    /// The first instant of <paramref name="day"/> in <paramref name="zone"/>: local midnight; where the clocks
    /// jump over midnight (a DST gap), the instant they jump; where midnight happens twice, the first time.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // The offsets in force around midnight: before and after any transition that day.
        var before = zone.GetUtcOffset(midnight.AddHours(-6));
        var after = zone.GetUtcOffset(midnight.AddHours(6));
        var candidates = new[] { before, after }
            .Distinct()
            .Select(offset => new DateTimeOffset(midnight, offset))
            .Where(instant => TimeZoneInfo.ConvertTime(instant, zone).DateTime == midnight)
            .OrderBy(instant => instant)
            .ToList();
        // No candidate: midnight does not exist that day; the day starts when the clocks jump, at the old offset's midnight.
        return candidates.Count > 0 ? candidates[0] : new DateTimeOffset(midnight, before);
    }

    /// <summary>When a line dated <paramref name="starting"/>..<paramref name="ending"/> (inclusive days) is in effect: [starts, ends).</summary>
    public static (DateTimeOffset Starts, DateTimeOffset? Ends) Window(DateOnly starting, DateOnly ending, TimeZoneInfo zone) =>
        (StartOfDay(starting, zone), ending == Blank ? null : StartOfDay(ending.AddDays(1), zone));

    public static TimeZoneInfo Zone(string id, string fallback) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? fallback : id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(fallback);
}
