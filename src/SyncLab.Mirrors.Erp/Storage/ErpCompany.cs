using SyncLab.Estate;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>The one company of this tenant; its id is derived from the estate seed.</summary>
internal sealed record ErpCompany(Guid Id, string Name, int Seed, string Currency, string TimeZone, DateTimeOffset CreatedAt)
{
    public const string SystemVersion = "27.0.38460.41890";

    public static ErpCompany From(BusinessEstate estate, ErpMirrorSettings settings) => new(
        StableIds.For(estate.Options.Seed, "company", settings.CompanyName),
        settings.CompanyName,
        estate.Options.Seed,
        estate.Options.Currency,
        estate.Options.TimeZone,
        ErpTime.Truncate(estate.Options.AsOf.AddYears(-7)));
}

internal static class ErpTime
{
    /// <summary>Business Central keeps datetimes to the millisecond; so must the mirror, or a client's <c>gt</c> watermark re-reads the row it came from.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider clock) => Truncate(clock.GetUtcNow());

    /// <summary>Today in the company's time zone: the posting date of what the office does now.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
