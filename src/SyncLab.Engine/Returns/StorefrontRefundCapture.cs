using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Returns;

/// <summary>
/// Cursor polling of storefront refunds: a refund updates its order, so the orders updated since the cursor
/// (less the overlap) carry every new refund. A refund does not change once made; its creation is its version.
/// </summary>
public sealed class StorefrontRefundCapture(ShopifyFulfilmentClient shop, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "storefront.refunds";

    public string Name => Source;

    public Task<int> PollAsync(CancellationToken ct) => CursorPoll.RunAsync(dbs, Source, clock, options.PollOverlap, RefundsSinceAsync, ct);

    private async IAsyncEnumerable<CapturedChange> RefundsSinceAsync(DateTimeOffset since, Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        // The cursor is the poll's own start: orders have no field saying when their last refund came.
        var pollStart = clock.GetUtcNow();
        await foreach (var refund in shop.RefundsOfOrdersUpdatedSinceAsync(since, ct))
        {
            var payload = JsonSerializer.Serialize(refund);
            yield return new CapturedChange(RefundToErpProcess.ProcessName, refund.Id, WorkQueue.Version(refund.CreatedAt), payload);
            if (options.WarehouseBaseUrl is not null)
            {
                // The warehouse receipt does not wait for the ERP's invoice: the goods are back whatever the books say.
                yield return new CapturedChange(WmsReturnReceiptProcess.ProcessName, refund.Id, WorkQueue.Version(refund.CreatedAt), payload);
            }
        }
        checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, pollStart.UtcTicks);
    }
}
