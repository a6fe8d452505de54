using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>Cursor polling of storefront customers by <c>updated_at</c>: each version carries the customer's full state.</summary>
public sealed class StorefrontCustomerCapture(ShopifyCustomerClient shop, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "storefront.customers";

    public string Name => Source;

    public Task<int> PollAsync(CancellationToken ct) => CursorPoll.RunAsync(dbs, Source, clock, options.PollOverlap, ReadAsync, ct);

    private async IAsyncEnumerable<CapturedChange> ReadAsync(DateTimeOffset since, Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var customer in shop.CustomersUpdatedSinceAsync(since, ct))
        {
            yield return new CapturedChange(ShopperToErpProcess.ProcessName, customer.Id, WorkQueue.Version(customer.UpdatedAt), JsonSerializer.Serialize(customer));
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, customer.UpdatedAt.UtcTicks);
        }
    }
}
