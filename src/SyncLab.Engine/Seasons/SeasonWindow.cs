using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Prices;

namespace SyncLab.Engine.Seasons;

/// <summary>What a season boundary carries: the ERP item and the instant its season starts or ends.</summary>
public sealed record SeasonBoundary(string Number, DateTimeOffset At);

/// <summary>
/// An item's selling season as instants on the merchant's wall clock: it starts at the first instant of its first
/// day and ends at the first instant of the day after its last (local midnights, DST days and 29 February included:
/// <see cref="EffectiveDates.StartOfDay"/>). Outside it the product is archived; a season with no start is open
/// from the past, one with no end never ends.
/// </summary>
public static class SeasonWindow
{
    public static (DateTimeOffset? Starts, DateTimeOffset? Ends) Of(ErpItemState item, TimeZoneInfo zone) =>
        (item.SeasonStart is { } start ? EffectiveDates.StartOfDay(start, zone) : null,
         item.SeasonEnd is { } end ? EffectiveDates.StartOfDay(end.AddDays(1), zone) : null);

    /// <summary>True when the item has a season and <paramref name="at"/> is outside it.</summary>
    public static bool IsOff(ErpItemState item, DateTimeOffset at, TimeZoneInfo zone)
    {
        var (starts, ends) = Of(item, zone);
        return (starts is { } s && at < s) || (ends is { } e && at >= e);
    }

    /// <summary>
    /// The season boundaries still ahead of <paramref name="now"/>, one change each for <see cref="SeasonBoundaryProcess"/>, due at
    /// that instant (the version is the instant: a re-read queues it once). Boundaries already passed need no work: the
    /// products process reads the season against the clock whenever it applies a change.
    /// </summary>
    public static IEnumerable<CapturedChange> BoundariesAhead(IEnumerable<ErpItemState> items, DateTimeOffset now, TimeZoneInfo zone) =>
        from item in items
        let window = Of(item, zone)
        from at in new[] { window.Starts, window.Ends }.OfType<DateTimeOffset>()
        where at > now
        select new CapturedChange(SeasonBoundaryProcess.ProcessName, item.Sku, WorkQueue.Version(at), JsonSerializer.Serialize(new SeasonBoundary(item.Number, at)), at);
}
