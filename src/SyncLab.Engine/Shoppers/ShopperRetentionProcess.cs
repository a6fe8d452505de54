using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// One shopper at the yearly purge (<see cref="RetentionPlan.OnPurge"/>): kept while active or needed by the books;
/// forgotten after <see cref="ShopperRules.InactivityYears"/> without orders (erased, or restricted while an invoice is
/// inside the bookkeeping period); a restricted card erased once that period has ended. The outcome is recorded with
/// the purge's year and reported with the erasure requests.
/// </summary>
public sealed class ShopperRetentionProcess(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers.retention";

    public sealed record Candidate(Guid CustomerId, int Year, DateOnly? KnownSince, DateOnly? RestrictedUntil);

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var candidate = JsonSerializer.Deserialize<Candidate>(item.Payload)!;
        var card = await erp.CustomerCardAsync(candidate.CustomerId, ct);
        if (card is null)
        {
            return ProcessOutcome.Nothing;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var known = await ShopperRecords.ErasureAsync(db, card.Number, ct);
        if (known?.Outcome == ShopperRecords.Erased)
        {
            return ProcessOutcome.Nothing;
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.MerchantZone()).DateTime);
        var decision = RetentionPlan.OnPurge(
            await erp.LastInvoiceDateAsync(card.Id, ct), await erp.LastOpenOrderDateAsync(card.Id, ct), candidate.KnownSince,
            known?.RetainedUntil ?? candidate.RestrictedUntil, today, options.Shoppers);
        if (decision.Verdict == RetentionVerdict.Keep)
        {
            return ProcessOutcome.Nothing;
        }
        await new ShopperAnonymiser(erp, options.Shoppers).ApplyAsync(card, decision.Verdict, ct);
        await ShopperRecords.ForgetLinksAsync(db, card.Id, ct);
        var record = new ErasureRecord(
            card.Number, card.Id, decision.Verdict == RetentionVerdict.Erase ? ShopperRecords.Erased : ShopperRecords.Restricted, today, decision.RetainUntil,
            $"yearly purge {candidate.Year}: {decision.Reason}");
        // Erased: the name and address order documents kept for the books go from the engine's store too (the e-mail went at the erasure request).
        var scrub = decision.Verdict == RetentionVerdict.Erase
            ? [ShopperScrubProcess.Change(card.Number, ShopperTraces.Gather(string.Empty, card.Email ?? string.Empty, [card], [], keepForBooks: false), item.Version)]
            : Array.Empty<CapturedChange>();
        return ProcessOutcome.Changed($"yearly purge {candidate.Year}: ERP customer {card.Number} {record.Outcome} ({decision.Reason})", ShopperRecords.Erasure(record))
            with { FollowUps = scrub };
    }
}
