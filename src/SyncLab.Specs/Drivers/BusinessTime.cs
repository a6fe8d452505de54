using System.Globalization;

namespace SyncLab.Specs.Drivers;

/// <summary>Wall-clock times as scenarios write them ("2028-01-01 00:00 in America/Chicago"), as instants.</summary>
public static class BusinessTime
{
    /// <summary>
    /// The instant a wall clock in <paramref name="zoneId"/> shows <paramref name="local"/> (yyyy-MM-dd HH:mm);
    /// a time the clocks skip (DST gap) is refused, a time they show twice is the first.
    /// </summary>
    public static DateTimeOffset At(string local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var wall = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None);
        if (zone.IsInvalidTime(wall))
        {
            throw new ArgumentException($"{local} does not happen in {zoneId}: the clocks skip it");
        }
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }

    public static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
