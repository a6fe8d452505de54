using SyncLab.Engine.Connectors.BusinessCentral;

namespace SyncLab.Engine.Prices;

/// <summary>One price list line with its effective window as instants.</summary>
public sealed record EffectivePrice(string ListCode, decimal UnitPrice, decimal? CompareAtPrice, DateTimeOffset Starts, DateTimeOffset? Ends, DateTimeOffset ModifiedAt)
{
    public bool IsInEffectAt(DateTimeOffset at) => Starts <= at && (Ends is null || at < Ends);

    public static EffectivePrice From(BcPriceListLine line, TimeZoneInfo zone)
    {
        var (starts, ends) = EffectiveDates.Window(line.StartingDate, line.EndingDate, zone);
        return new EffectivePrice(line.PriceListCode, line.UnitPrice, line.CompareAtPrice > 0 ? line.CompareAtPrice : null, starts, ends, line.LastModifiedDateTime);
    }
}

/// <summary>A storefront price and compare-at price, and where they come from.</summary>
public sealed record PriceInEffect(decimal Price, decimal? CompareAtPrice, string Source);

/// <summary>When price list lines must be applied, and which price is in effect at an instant: pure decisions.</summary>
public static class PriceListPlan
{
    /// <summary>
    /// The price in effect at <paramref name="at"/>: of the lines in effect, the one that started last (a sale
    /// within a yearly list wins while it runs); with none in effect, the item card's unit price, without compare-at.
    /// </summary>
    public static PriceInEffect PriceAt(IEnumerable<EffectivePrice> lines, decimal itemUnitPrice, DateTimeOffset at)
    {
        var line = Deciding(lines, at);
        return line is null
            ? new PriceInEffect(itemUnitPrice, null, "item card")
            : new PriceInEffect(line.UnitPrice, line.CompareAtPrice, $"price list {line.ListCode}");
    }

    /// <summary>The line whose price is in effect at <paramref name="at"/> (see <see cref="PriceAt"/>); null when none is.</summary>
    public static EffectivePrice? Deciding(IEnumerable<EffectivePrice> lines, DateTimeOffset at) =>
        lines.Where(l => l.IsInEffectAt(at)).OrderBy(l => l.Starts).ThenBy(l => l.ModifiedAt).ThenBy(l => l.ListCode, StringComparer.Ordinal).LastOrDefault();

    /// <summary>
    /// The instants at which the engine must (re)apply an item's price because of this line, as seen at
    /// <paramref name="now"/>: its start and end while still ahead (each fires once, at that instant on the business
    /// clock), after <see cref="Missed"/> if a boundary has already passed.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Boundaries(EffectivePrice line, DateTimeOffset now)
    {
        var ahead = new[] { (DateTimeOffset?)line.Starts, line.Ends }.OfType<DateTimeOffset>().Where(b => b > now).ToList();
        if (Missed(line, now) is { } missed)
        {
            ahead.Insert(0, missed);
        }
        return ahead;
    }

    /// <summary>
    /// A boundary of the line already passed at <paramref name="now"/> (engine down, or the office published a list
    /// dated in the past), to apply at once; as its version, the later of that boundary and the line's publication,
    /// so the overlap's re-read is recognised as the same change. Null when none has passed.
    /// </summary>
    public static DateTimeOffset? Missed(EffectivePrice line, DateTimeOffset now)
    {
        var passed = new[] { (DateTimeOffset?)line.Starts, line.Ends }.OfType<DateTimeOffset>().Where(b => b <= now).ToList();
        if (passed.Count == 0)
        {
            return null;
        }
        var latest = passed.Max();
        return latest > line.ModifiedAt ? latest : line.ModifiedAt;
    }
}
