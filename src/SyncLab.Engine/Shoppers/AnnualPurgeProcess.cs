using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// The yearly purge, when its day comes on the business clock: every shopper the engine knows (linked cards, and
/// cards restricted for the books) is handed on to <see cref="ShopperRetentionProcess"/> as one work item keyed by the
/// card and versioned by the purge, in the same transaction that records the purge — so each is looked at exactly once.
/// </summary>
public sealed class AnnualPurgeProcess(IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers.purge";

    public sealed record Purge(int Year, DateTimeOffset At);

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        // Reported under the year it runs in: purges missed while the engine was down (or the clock jumped) collapse into this one.
        var purge = JsonSerializer.Deserialize<Purge>(item.Payload)! with { Year = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.MerchantZone()).Year };
        await using var db = await dbs.CreateDbContextAsync(ct);
        var links = await db.IdMappings.AsNoTracking().Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.LinkKind).ToListAsync(ct);
        var restricted = (await db.IdMappings.AsNoTracking()
                .Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.ErasureKind && m.TargetId == ShopperRecords.Restricted).ToListAsync(ct))
            .Select(ShopperRecords.ReadErasure).ToList();
        var candidates = links.Select(l => new ShopperRetentionProcess.Candidate(Guid.Parse(l.Key), purge.Year, ShopperRecords.ParseDay(l.Extra), null))
            .Concat(restricted.Select(r => new ShopperRetentionProcess.Candidate(r.CustomerId, purge.Year, null, r.RetainedUntil)))
            .DistinctBy(c => c.CustomerId)
            .ToList();
        var handOns = candidates.Select(c => new CapturedChange(ShopperRetentionProcess.ProcessName, c.CustomerId.ToString("D"), item.Version, JsonSerializer.Serialize(c))).ToList();
        return ProcessOutcome.Changed(
            $"yearly purge {purge.Year}: {candidates.Count} shoppers to look at",
            new IdMapping
            {
                System = ShopperRecords.System,
                Kind = ShopperRecords.PurgeKind,
                Key = purge.Year.ToString(CultureInfo.InvariantCulture),
                TargetId = candidates.Count.ToString(CultureInfo.InvariantCulture),
                Extra = purge.At.ToString("O", CultureInfo.InvariantCulture),
            })
            with { FollowUps = handOns };
    }
}
