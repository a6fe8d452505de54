using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Prices;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// Puts the next yearly purge on the business clock: one work item due at the first instant of the purge day
/// (<see cref="ShopperRules.PurgeMonth"/>/<see cref="ShopperRules.PurgeDay"/>) on the merchant's wall clock. Its version is
/// that instant, so however often it is queued it runs once; purges skipped while the engine was down collapse into one.
/// </summary>
public sealed class PurgeSchedule(IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "shoppers.purge-schedule";
    public const string Key = "annual-purge";

    public string Name => Source;

    /// <summary>The first purge instant strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextPurge(DateTimeOffset now, TimeZoneInfo zone, ShopperRules rules)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var year = local.Year; ; year++)
        {
            var at = EffectiveDates.StartOfDay(new DateOnly(year, rules.PurgeMonth, rules.PurgeDay), zone);
            if (at > now)
            {
                return at;
            }
        }
    }

    public async Task<int> PollAsync(CancellationToken ct)
    {
        var zone = options.MerchantZone();
        var at = NextPurge(clock.GetUtcNow(), zone, options.Shoppers);
        var year = TimeZoneInfo.ConvertTime(at, zone).Year;
        var change = new CapturedChange(
            AnnualPurgeProcess.ProcessName, Key, WorkQueue.Version(at),
            JsonSerializer.Serialize(new AnnualPurgeProcess.Purge(year, at)), at);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var queued = await WorkQueue.EnqueueAsync(db, [change], clock.GetUtcNow().UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }

    internal static string YearKey(int year) => year.ToString(CultureInfo.InvariantCulture);
}
