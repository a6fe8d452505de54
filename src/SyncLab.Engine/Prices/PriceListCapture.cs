using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Prices;

/// <summary>What an effective-dated price change carries: the ERP item, and the boundary that made it due.</summary>
public sealed record PriceBoundary(string Number, string ListCode, DateTimeOffset At);

/// <summary>
/// Polls ERP price list lines (cursor with overlap, like every source) and schedules effective-dated work on
/// the business clock: one change per line boundary still ahead — the start at the list's local midnight,
/// the end at the local midnight after its ending date — due at that very instant, not at the next poll.
/// The queue's (process, key, version) index, with the boundary instant as version, makes each fire once.
/// The first sync takes the storefront's prices from the item cards: boundaries already passed then count as
/// applied (recorded, not queued), so neither they nor the overlap's re-read of them override the item cards.
/// </summary>
public sealed class PriceListCapture(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "erp.price-lists";

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkpoint = await WorkQueue.CheckpointAsync(db, Source, ct);
        var firstSync = checkpoint.CursorTicks == 0;
        var since = firstSync
            ? new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(checkpoint.CursorTicks, TimeSpan.Zero) - options.PollOverlap;

        var lines = await erp.PriceListLinesModifiedSinceAsync(since, ct);
        var changes = new List<CapturedChange>();
        if (lines.Count > 0)
        {
            // The boundaries already passed, per SKU, as recorded so far: one read, then a dictionary (db.AppliedVersions.Local
            // detects changes over every tracked row on each look, which made a first sync quadratic in the estate).
            var marked = firstSync
                ? await db.AppliedVersions.Where(a => a.Process == EffectivePriceProcess.ProcessName).ToDictionaryAsync(a => a.Key, StringComparer.Ordinal, ct)
                : [];
            var zones = (await erp.PriceListsAsync(ct)).ToDictionary(l => l.Id, l => EffectiveDates.Zone(l.TimeZone, options.MerchantTimeZone));
            var now = clock.GetUtcNow();
            foreach (var line in lines)
            {
                var zone = zones.GetValueOrDefault(line.PriceListId) ?? EffectiveDates.Zone(options.MerchantTimeZone, "UTC");
                var price = EffectivePrice.From(line, zone);
                var sku = SkuRules.Canonical(line.ItemNumber);
                if (firstSync && PriceListPlan.Missed(price, now) is { } passed)
                {
                    MarkApplied(db, marked, sku, WorkQueue.Version(passed));
                }
                foreach (var at in firstSync ? PriceListPlan.Boundaries(price, now).Where(b => b > now) : PriceListPlan.Boundaries(price, now))
                {
                    var payload = JsonSerializer.Serialize(new PriceBoundary(line.ItemNumber, line.PriceListCode, at));
                    changes.Add(new CapturedChange(EffectivePriceProcess.ProcessName, sku, WorkQueue.Version(at), payload, at));
                }
                checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, line.LastModifiedDateTime.UtcTicks);
            }
        }
        var queued = await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }

    private static void MarkApplied(EngineDb db, Dictionary<string, AppliedVersion> marked, string sku, string version)
    {
        if (!marked.TryGetValue(sku, out var applied))
        {
            marked[sku] = db.AppliedVersions.Add(new AppliedVersion { Process = EffectivePriceProcess.ProcessName, Key = sku, Version = version }).Entity;
        }
        else if (string.CompareOrdinal(applied.Version, version) < 0)
        {
            applied.Version = version;
        }
    }
}
