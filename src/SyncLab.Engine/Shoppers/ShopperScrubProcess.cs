using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// After an erasure (or the yearly purge erasing a card whose retention ended), the shopper's traces leave the engine's
/// own store: payloads and last errors of work that is over (applied, stale, failed as a data error, dead-lettered),
/// the data errors and held changes that quote them, and the shopper's data-request reports, with the e-mail, names,
/// phone numbers and address lines replaced by the anonymiser's token. Order documents keep the name and the address
/// while a card is restricted for the books (<see cref="RetentionPlan"/>). Work still to do is left alone: it must
/// still reach its target. Everything, this work item's own payload included, is saved in one transaction, so a retry
/// after a crash finds nothing left to do.
/// </summary>
public sealed class ShopperScrubProcess(IDbContextFactory<EngineDb> dbs, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers.scrub";

    private static readonly WorkState[] Over = [WorkState.Done, WorkState.Stale, WorkState.Failed, WorkState.DeadLettered];

    public string Name => ProcessName;

    /// <summary>Keyed by the storefront customer (an erasure request) or the card number (the yearly purge): never by anything personal.</summary>
    public static CapturedChange Change(string key, ShopperTraces traces, string version) => new(ProcessName, key, version, JsonSerializer.Serialize(traces));

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var traces = JsonSerializer.Deserialize<ShopperTraces>(item.Payload)!;
        var token = options.Shoppers.ErasedName;
        var terms = traces.SearchTerms();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var items = new List<WorkItem>();
        // Translated by EF on every provider: ToLower() + Contains is lower(x) LIKE '%term%'.
#pragma warning disable CA1304, CA1311, CA1862
        foreach (var term in terms)
        {
            items.AddRange(await db.WorkItems
                .Where(w => Over.Contains(w.State) && (w.Payload.ToLower().Contains(term) || (w.LastError != null && w.LastError.ToLower().Contains(term))))
                .ToListAsync(ct));
        }
        if (traces.StorefrontId.Length > 0)
        {
            items.AddRange(await db.WorkItems.Where(w => Over.Contains(w.State) && w.Process == ShopperToErpProcess.ProcessName && w.Key == traces.StorefrontId).ToListAsync(ct));
        }
        items = items.DistinctBy(w => w.Id).ToList();
        var keys = items.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
        var errors = await db.DataErrors.Where(e => keys.Contains(e.Key)).ToListAsync(ct);
        var held = await db.HeldChanges.Where(h => keys.Contains(h.Key)).ToListAsync(ct);
        foreach (var term in terms)
        {
            errors.AddRange(await db.DataErrors.Where(e => e.Message.ToLower().Contains(term)).ToListAsync(ct));
            held.AddRange(await db.HeldChanges.Where(h => h.Reason.ToLower().Contains(term)).ToListAsync(ct));
        }
        var reports = await db.IdMappings
            .Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.DataRequestKind && m.TargetId == traces.StorefrontId).ToListAsync(ct);
        foreach (var term in terms)
        {
            reports.AddRange(await db.IdMappings
                .Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.DataRequestKind && m.Extra != null && m.Extra.ToLower().Contains(term)).ToListAsync(ct));
        }
        reports = reports.Distinct().ToList();
#pragma warning restore CA1304, CA1311, CA1862
        var scrubbed = 0;
        foreach (var work in items.Where(w => w.Id != item.Id && ShopperScrub.IsTheShoppers(w.Payload, w.Key, traces)))
        {
            var keep = traces.KeepForBooks && ShopperScrub.BookkeepingProcesses.Contains(work.Process);
            var payload = ShopperScrub.Payload(work.Payload, traces, keep, token);
            var lastError = work.LastError is null ? null : ShopperScrub.Text(work.LastError, traces, token);
            if (payload != work.Payload || lastError != work.LastError)
            {
                (work.Payload, work.LastError) = (payload, lastError);
                scrubbed++;
            }
        }
        errors = errors.DistinctBy(e => e.Id).ToList();
        foreach (var error in errors)
        {
            error.Message = ShopperScrub.Text(error.Message, traces, token);
        }
        foreach (var change in held.Distinct())
        {
            change.Reason = ShopperScrub.Text(change.Reason, traces, token);
        }
        db.IdMappings.RemoveRange(reports);
        // This work item's own payload names the shopper too: it goes in the same save, so a retry has nothing to find.
        var own = await db.WorkItems.FirstAsync(w => w.Id == item.Id, ct);
        own.Payload = JsonSerializer.Serialize(new ShopperTraces(traces.StorefrontId, string.Empty, [], [], [], traces.KeepForBooks));
        await db.SaveChangesAsync(ct);
        return ProcessOutcome.Changed(
            $"shopper {(traces.StorefrontId.Length > 0 ? traces.StorefrontId : "(by name)")} scrubbed from the engine's store: {scrubbed} work items, {errors.Count} data errors, "
            + $"{reports.Count} data-request reports{(traces.KeepForBooks ? "; order documents keep name and address for the books" : string.Empty)}");
    }
}
