using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// Cursor polling of ERP customer cards by <c>lastModifiedDateTime</c> (the commerce page's consent and price group
/// change the same card). Only cards linked to a storefront shopper are queued: the office's other customers have
/// nothing on the storefront, and the first full read costs one page walk, not one work item per card.
/// </summary>
public sealed class ErpCustomerCapture(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "erp.customers";

    public string Name => Source;

    public Task<int> PollAsync(CancellationToken ct) => CursorPoll.RunAsync(dbs, Source, clock, options.PollOverlap, ReadAsync, ct);

    private async IAsyncEnumerable<CapturedChange> ReadAsync(DateTimeOffset since, Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        var cards = await erp.CustomerCardsModifiedSinceAsync(since, ct);
        HashSet<string> linked;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            linked = (await db.IdMappings.AsNoTracking().Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.LinkKind)
                .Select(m => m.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }
        foreach (var card in cards)
        {
            if (linked.Contains(card.Id.ToString("D")))
            {
                yield return ShopperFromErpProcess.Change(card.Id, card.Number, card.LastModifiedDateTime);
            }
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, card.LastModifiedDateTime.UtcTicks);
        }
    }
}
