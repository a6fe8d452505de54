using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Items;

internal enum EditOutcome
{
    Done,
    NotFound,
    Stale,
}

internal sealed record ItemEditResult(EditOutcome Outcome, ItemRecord? Item = null, ItemLedgerEntryRecord? Entry = null);

/// <summary>
/// Every change to an item goes through here, whoever asks (vendor PATCH, the office, $batch): one writer
/// at a time, a new row version and lastModifiedDateTime from the business clock, an item ledger entry
/// for stock, an effect in the mirror ledger, and a webhook notice.
/// </summary>
internal sealed class ItemWriter(
    ErpDb db, ErpWriteGate gate, TimeProvider clock, MirrorLedger ledger, ChangeNotifier notifier, PostingPeriod period, ErpCompany company)
{
    /// <summary>The office's look-up: trimmed and case-insensitive, because its numbers drift.</summary>
    public static string NumberKey(string number) => number.Trim().ToUpperInvariant();

    public Task<ItemRecord?> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        var key = NumberKey(number);
        return db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.NumberKey == key, cancellationToken);
    }

    public Task<ItemEditResult> EditByIdAsync(Guid id, string? ifMatch, ItemEdit edit, string source, CancellationToken cancellationToken) =>
        EditAsync(i => i.Id == id, ifMatch, edit, source, cancellationToken);

    public Task<ItemEditResult> EditByNumberAsync(string number, ItemEdit edit, string source, CancellationToken cancellationToken)
    {
        var key = NumberKey(number);
        return EditAsync(i => i.NumberKey == key, null, edit, source, cancellationToken);
    }

    public async Task<ItemRecord?> CreateAsync(ItemRecord item, string source, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(db, cancellationToken);
        item.NumberKey = NumberKey(item.Number);
        if (await db.Items.AnyAsync(i => i.NumberKey == item.NumberKey, cancellationToken))
        {
            return null;
        }
        item.Id = StableIds.For(company.Seed, "item", item.NumberKey);
        item.Seq = await lease.NextSeqAsync<ItemRecord>(cancellationToken);
        item.Version = lease.NextVersion();
        item.LastModifiedDateTime = ErpTime.Now(clock);
        item.SystemCreatedAt = item.LastModifiedDateTime;
        db.Items.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        ledger.RecordEffect($"erp: item {item.Number} created by {source} at {item.UnitPrice.ToString(CultureInfo.InvariantCulture)}", $"items({item.Id})");
        notifier.Publish(new Change("items", item.Id, "created", item.LastModifiedDateTime));
        return item;
    }

    private async Task<ItemEditResult> EditAsync(
        System.Linq.Expressions.Expression<Func<ItemRecord, bool>> which, string? ifMatch, ItemEdit edit, string source, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(db, cancellationToken);
        var item = await db.Items.FirstOrDefaultAsync(which, cancellationToken);
        if (item is null)
        {
            return new ItemEditResult(EditOutcome.NotFound);
        }
        // Checked inside the gate: two clients holding the same ETag cannot both win.
        if (ifMatch is not null && ifMatch != "*" && ifMatch != Items.ItemShape.Page.ETag!(item))
        {
            return new ItemEditResult(EditOutcome.Stale, item);
        }

        var now = ErpTime.Now(clock);
        var move = edit.MovementFor(item);
        ItemLedgerEntryRecord? entry = null;
        if (move is not null)
        {
            var postingDate = move.PostingDate ?? ErpTime.Today(clock, company.TimeZone);
            period.EnsureOpen(postingDate);
            ItemRules.EnsureNotBlocked(item);
            var entryNo = await lease.NextSeqAsync<ItemLedgerEntryRecord>(cancellationToken);
            entry = new ItemLedgerEntryRecord
            {
                Id = StableIds.For(company.Seed, "itemLedgerEntry", entryNo.ToString(CultureInfo.InvariantCulture)),
                Seq = entryNo,
                ItemId = item.Id,
                ItemNumber = item.Number,
                PostingDate = postingDate,
                EntryType = move.Quantity >= 0 ? "Positive_x0020_Adjmt_x002E_" : "Negative_x0020_Adjmt_x002E_",
                DocumentNumber = $"ADJ{entryNo:000000}",
                Description = move.Reason,
                LocationCode = move.LocationCode,
                Quantity = move.Quantity,
                CostAmountActual = Math.Round(move.Quantity * item.UnitCost, 2),
                LastModifiedDateTime = now,
            };
            db.ItemLedgerEntries.Add(entry);
            item.Inventory += move.Quantity;
        }
        var changed = edit.ApplyTo(item, company.Seed);
        item.Version = lease.NextVersion();
        item.LastModifiedDateTime = now;
        await db.SaveChangesAsync(cancellationToken);

        var what = entry is null
            ? string.Join(", ", changed)
            : $"stock {entry.Quantity.ToString(CultureInfo.InvariantCulture)} at '{entry.LocationCode}' ({entry.Description}) → inventory {item.Inventory.ToString(CultureInfo.InvariantCulture)}" + (changed.Count > 0 ? "; " + string.Join(", ", changed) : string.Empty);
        ledger.RecordEffect($"erp: item {item.Number.TrimEnd()} changed by {source}: {what}", $"items({item.Id})");
        notifier.Publish(new Change("items", item.Id, "updated", now));
        return new ItemEditResult(EditOutcome.Done, item, entry);
    }
}
