using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Inventory;

/// <summary>Sends one <c>inventorySetQuantities</c> of many quantities (all compared, or none) and answers its userErrors.</summary>
public delegate Task<IReadOnlyList<ShopifyQuantityError>> StockBatchSender(IReadOnlyList<ShopifyQuantity> quantities, bool compare, CancellationToken ct);

/// <summary>
/// Group commit of the storefront's stock writes. The inventory processes' handlers (one per key, running in
/// parallel) each submit a quantity and await their own outcome; the writer sends what is waiting as one
/// <c>inventorySetQuantities</c>:
/// <list type="bullet">
/// <item>No timer: alone, a quantity is sent at once; while a call is in flight, what arrives waits and goes in the next
/// one (at most <see cref="ShopifyAdminClient.MaxQuantitiesPerCall"/>), so calls grow with the load, never the latency.</item>
/// <item>One quantity per (item, location) in a call: a later one for the same pair waits for the next call, and pairs
/// keep the order they were submitted in. Compared and uncompared quantities go in different calls (the request has one
/// <c>ignoreCompareQuantity</c>); each keeps its own <c>compareQuantity</c>.</item>
/// <item>Shopify refuses a request whole when any quantity is wrong, and names each by its index: those quantities fail
/// (<c>COMPARE_QUANTITY_STALE</c> as a transient failure, planned again; anything else as the vendor's refusal), the rest are
/// sent again at once. An error that names no quantity fails them all.</item>
/// <item>A transport failure, a 5xx, a 429 or THROTTLED fails every quantity of the call with that failure: each handler
/// retries as it would alone (a set, so a retry writes the same number).</item>
/// <item>A caller that gives up (its token) leaves the queue; a call in flight is cancelled only when every caller in it has.</item>
/// </list>
/// </summary>
public sealed class StorefrontStockWriter(StockBatchSender send, int maxBatch = ShopifyAdminClient.MaxQuantitiesPerCall)
{
    private const string System = "storefront";

    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _waiting = new();
    private bool _draining;
    private long _calls;
    private long _quantities;

    /// <summary>Calls sent so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Quantities sent so far (a quantity sent again after its neighbour's refusal counts again).</summary>
    public long QuantitiesSent => Interlocked.Read(ref _quantities);

    /// <summary>Sets <paramref name="quantity"/> in the next call; completes when that call has (or throws what it failed with).</summary>
    public Task SetAsync(ShopifyQuantity quantity, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var entry = new Entry(quantity, ct);
        entry.Registration = ct.Register(() => Withdraw(entry));
        bool start;
        lock (_gate)
        {
            if (ct.IsCancellationRequested)
            {
                entry.Complete(canceled: true);
                return entry.Done.Task;
            }
            entry.Node = _waiting.AddLast(entry);
            start = !_draining;
            _draining = true;
        }
        if (start)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        return entry.Done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Flight flight;
            lock (_gate)
            {
                flight = Take();
                if (flight.Entries.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }
            await SendAsync(flight);
        }
    }

    /// <summary>The next call: from the first waiting quantity on, those of its kind (compared or not), one per pair, pairs in order.</summary>
    private Flight Take()
    {
        var flight = new Flight();
        var compare = _waiting.First?.Value.Quantity.CompareQuantity is not null;
        var pairs = new HashSet<(string, string)>();
        for (var node = _waiting.First; node is not null && flight.Entries.Count < maxBatch;)
        {
            var next = node.Next;
            var q = node.Value.Quantity;
            // A pair seen already (taken, or waiting behind one of the other kind) waits for a later call.
            if (pairs.Add((q.InventoryItemId, q.LocationId)) && q.CompareQuantity is not null == compare)
            {
                _waiting.Remove(node);
                node.Value.Node = null;
                node.Value.Flight = flight;
                flight.Entries.Add(node.Value);
            }
            node = next;
        }
        flight.Compare = compare;
        flight.Live = flight.Entries.Count;
        return flight;
    }

    private async Task SendAsync(Flight flight)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _quantities, flight.Entries.Count);
        try
        {
            var errors = await send([.. flight.Entries.Select(e => e.Quantity)], flight.Compare, flight.Cancel.Token);
            Settle(flight, errors);
        }
        catch (OperationCanceledException) when (flight.Cancel.IsCancellationRequested)
        {
            foreach (var entry in flight.Entries)
            {
                entry.Complete(canceled: true);
            }
        }
#pragma warning disable CA1031 // Every caller in the call sees what it failed with, whatever it is.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var entry in flight.Entries)
            {
                entry.Complete(failure: e);
            }
        }
        finally
        {
            lock (_gate)
            {
                foreach (var entry in flight.Entries)
                {
                    entry.Flight = null;
                }
            }
        }
    }

    /// <summary>No errors: every quantity is set. Errors: the named quantities fail, the others wait again, first in line.</summary>
    private void Settle(Flight flight, IReadOnlyList<ShopifyQuantityError> errors)
    {
        if (errors.Count == 0)
        {
            foreach (var entry in flight.Entries)
            {
                entry.Complete();
            }
            return;
        }
        var named = errors.Where(e => e.Index is { } i && i >= 0 && i < flight.Entries.Count).ToLookup(e => e.Index!.Value);
        if (named.Count == 0 || errors.Any(e => e.Index is not { } i || i < 0 || i >= flight.Entries.Count))
        {
            // An error about the request itself (or a quantity we did not send): nobody's data is known to be the cause.
            var failure = Refusal(errors);
            foreach (var entry in flight.Entries)
            {
                entry.Complete(failure: failure);
            }
            return;
        }
        var again = new List<Entry>();
        for (var i = 0; i < flight.Entries.Count; i++)
        {
            if (named.Contains(i))
            {
                flight.Entries[i].Complete(failure: Refusal([.. named[i]]));
            }
            else
            {
                again.Add(flight.Entries[i]);
            }
        }
        lock (_gate)
        {
            foreach (var entry in Enumerable.Reverse(again))
            {
                entry.Flight = null;
                if (entry.Caller.IsCancellationRequested)
                {
                    entry.Complete(canceled: true);
                }
                else
                {
                    entry.Node = _waiting.AddFirst(entry);
                }
            }
        }
    }

    /// <summary>A stale compare is transient (the handler plans again from fresh numbers); any other refusal is the vendor's answer.</summary>
    private static VendorCallException Refusal(IReadOnlyList<ShopifyQuantityError> errors) =>
        errors.All(e => e.Code == ShopifyQuantityError.Stale)
            ? new VendorCallException(System, $"available changed since it was read ({ShopifyQuantityError.Stale})", transient: true, TimeSpan.Zero)
            : new VendorCallException(System, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), transient: false);

    /// <summary>A caller gave up: out of the queue, or one fewer waiting on its call (cancelled when nobody is).</summary>
    private void Withdraw(Entry entry)
    {
        var waiting = false;
        CancellationTokenSource? cancel = null;
        lock (_gate)
        {
            if (entry.Node is { } node)
            {
                _waiting.Remove(node);
                entry.Node = null;
                waiting = true;
            }
            else if (entry.Flight is { } flight && --flight.Live == 0)
            {
                cancel = flight.Cancel;
            }
        }
        if (waiting)
        {
            entry.Complete(canceled: true);
        }
        cancel?.Cancel();
    }

    private sealed class Flight
    {
        public List<Entry> Entries { get; } = [];

        public bool Compare { get; set; }

        public int Live { get; set; }

        /// <summary>Not disposed: it has no timer, and a late caller may still cancel it.</summary>
        public CancellationTokenSource Cancel { get; } = new();
    }

    private sealed class Entry(ShopifyQuantity quantity, CancellationToken caller)
    {
        public ShopifyQuantity Quantity { get; } = quantity;

        public CancellationToken Caller { get; } = caller;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Entry>? Node { get; set; }

        public Flight? Flight { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Complete(bool canceled = false, Exception? failure = null)
        {
            Registration.Unregister();
            _ = canceled ? Done.TrySetCanceled(Caller) : failure is not null ? Done.TrySetException(failure) : Done.TrySetResult();
        }
    }
}
