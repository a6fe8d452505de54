using System.Globalization;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Orders;

/// <summary>
/// What the engine does when the ERP's books are closed for a document's day (Business Central's "Posting Date
/// is not within your range of allowed posting dates"): a closed period is the calendar's doing, not the
/// record's, so it is never a data error. The document goes on the merchant's today when that day is open
/// (a December order the office closed the year on is posted into January); when today is not open either
/// (the new year not yet opened), the change is held until the office opens it.
/// </summary>
public static class ClosedBooks
{
    /// <summary>Business Central's words for a posting date outside the allowed range (document or posting checks).</summary>
    public const string RefusalText = "not within your range of allowed posting dates";

    public static bool Refused(VendorCallException e) =>
        !e.Transient && e.Message.Contains(RefusalText, StringComparison.OrdinalIgnoreCase);

    /// <summary>The posting dates to offer, in order: the document's own day, then today when that is later.</summary>
    public static IReadOnlyList<DateOnly> PostingDates(DateOnly own, DateOnly today) => today > own ? [own, today] : [own];

    /// <summary>The merchant's calendar day now.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo merchantZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), merchantZone).DateTime);

    public static HeldException Hold(string what, DateOnly own, DateOnly today) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: the ERP's books are closed for {own:yyyy-MM-dd}{(today > own ? $" and not open yet for {today:yyyy-MM-dd}" : string.Empty)}; held until the office opens the period"));

    /// <summary>
    /// Offers <paramref name="post"/> each posting date in turn; the first the ERP accepts wins. Every date refused
    /// for a closed period: held. Any other refusal goes up as it is.
    /// </summary>
    public static async Task<(T Result, DateOnly PostingDate)> PostAsync<T>(string what, DateOnly own, DateOnly today, Func<DateOnly, Task<T>> post)
    {
        foreach (var date in PostingDates(own, today))
        {
            try
            {
                return (await post(date), date);
            }
            catch (VendorCallException e) when (Refused(e))
            {
                // Closed for this day: try the next one.
            }
        }
        throw Hold(what, own, today);
    }
}
