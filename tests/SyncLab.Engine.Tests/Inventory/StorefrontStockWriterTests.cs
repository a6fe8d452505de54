using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;

namespace SyncLab.Engine.Tests.Inventory;

/// <summary>The group-commit writer of storefront stock, with a sender that records each call and answers as told.</summary>
public sealed class StorefrontStockWriterTests
{
    private const string Web = "gid://shopify/Location/1";

    private static ShopifyQuantity Q(int item, int quantity, int? compare = null, string location = Web) =>
        new($"gid://shopify/InventoryItem/{item}", location, quantity, compare);

    [Fact]
    public async Task a_quantity_alone_is_sent_at_once_without_waiting_for_company()
    {
        var sender = new Sender();
        var writer = new StorefrontStockWriter(sender.SendAsync);

        await writer.SetAsync(Q(1, 5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var call = Assert.Single(sender.Calls);
        Assert.Equal([Q(1, 5)], call.Quantities);
        Assert.False(call.Compare);
    }

    [Fact]
    public async Task quantities_arriving_while_a_call_is_in_flight_go_together_in_the_next_call()
    {
        var sender = new Sender { HoldFirst = true };
        var writer = new StorefrontStockWriter(sender.SendAsync);
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var others = Enumerable.Range(2, 5).Select(i => writer.SetAsync(Q(i, i), CancellationToken.None)).ToList();
        Assert.DoesNotContain(others, t => t.IsCompleted);
        sender.Release.SetResult();
        await Task.WhenAll([first, .. others]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([[Q(1, 1)], [Q(2, 2), Q(3, 3), Q(4, 4), Q(5, 5), Q(6, 6)]], sender.Calls.Select(c => c.Quantities));
        Assert.Equal((2, 6), (writer.Calls, writer.QuantitiesSent));
    }

    [Fact]
    public async Task a_second_quantity_for_the_same_item_and_location_waits_for_the_call_after_and_keeps_its_order()
    {
        var sender = new Sender { HoldFirst = true };
        var writer = new StorefrontStockWriter(sender.SendAsync);
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var rest = new[] { writer.SetAsync(Q(2, 10), CancellationToken.None), writer.SetAsync(Q(2, 11), CancellationToken.None), writer.SetAsync(Q(3, 7), CancellationToken.None), writer.SetAsync(Q(2, 12), CancellationToken.None), writer.SetAsync(Q(2, 3, location: "gid://shopify/Location/2"), CancellationToken.None) };
        sender.Release.SetResult();
        await Task.WhenAll([first, .. rest]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(
            [[Q(1, 1)], [Q(2, 10), Q(3, 7), Q(2, 3, location: "gid://shopify/Location/2")], [Q(2, 11)], [Q(2, 12)]],
            sender.Calls.Select(c => c.Quantities));
    }

    [Fact]
    public async Task a_call_takes_at_most_the_batch_limit()
    {
        var sender = new Sender { HoldFirst = true };
        var writer = new StorefrontStockWriter(sender.SendAsync, maxBatch: 3);
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var rest = Enumerable.Range(2, 7).Select(i => writer.SetAsync(Q(i, i), CancellationToken.None)).ToList();
        sender.Release.SetResult();
        await Task.WhenAll([first, .. rest]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 3, 3, 1], sender.Calls.Select(c => c.Quantities.Count));
    }

    [Fact]
    public async Task compared_and_uncompared_quantities_go_in_different_calls_each_with_its_own_compare()
    {
        var sender = new Sender { HoldFirst = true };
        var writer = new StorefrontStockWriter(sender.SendAsync);
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var rest = new[] { writer.SetAsync(Q(2, 5, compare: 4), CancellationToken.None), writer.SetAsync(Q(3, 6), CancellationToken.None), writer.SetAsync(Q(4, 8, compare: 9), CancellationToken.None) };
        sender.Release.SetResult();
        await Task.WhenAll([first, .. rest]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([false, true, false], sender.Calls.Select(c => c.Compare));
        Assert.Equal([[Q(1, 1)], [Q(2, 5, compare: 4), Q(4, 8, compare: 9)], [Q(3, 6)]], sender.Calls.Select(c => c.Quantities));
    }

    [Fact]
    public async Task a_refused_request_fails_only_the_quantities_it_names_and_sends_the_others_again()
    {
        var sender = new Sender { HoldFirst = true };
        // The second call (items 2, 3, 4, 5) is refused whole: item 3's compare is stale, item 5's location unknown.
        sender.Answers[1] =
        [
            new ShopifyQuantityError(1, ShopifyQuantityError.Stale, "input.quantities.1.compareQuantity", "The compareQuantity value does not match persisted value."),
            new ShopifyQuantityError(3, "INVALID_LOCATION", "input.quantities.3.locationId", "The specified location could not be found."),
        ];
        var writer = new StorefrontStockWriter(sender.SendAsync);
        var first = writer.SetAsync(Q(1, 1, compare: 0), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var two = writer.SetAsync(Q(2, 2, compare: 0), CancellationToken.None);
        var stale = writer.SetAsync(Q(3, 3, compare: 0), CancellationToken.None);
        var four = writer.SetAsync(Q(4, 4, compare: 0), CancellationToken.None);
        var lost = writer.SetAsync(Q(5, 5, compare: 0, location: "gid://shopify/Location/404"), CancellationToken.None);
        sender.Release.SetResult();
        await Task.WhenAll(first, two, four).WaitAsync(TimeSpan.FromSeconds(10));

        var staleFailure = await Assert.ThrowsAsync<VendorCallException>(() => stale);
        Assert.True(staleFailure.Transient);
        Assert.Equal(TimeSpan.Zero, staleFailure.RetryAfter);
        Assert.Contains(ShopifyQuantityError.Stale, staleFailure.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<VendorCallException>(() => lost);
        Assert.False(refused.Transient);
        Assert.Contains("location could not be found", refused.Message, StringComparison.Ordinal);
        Assert.Equal([[Q(1, 1, 0)], [Q(2, 2, 0), Q(3, 3, 0), Q(4, 4, 0), Q(5, 5, 0, "gid://shopify/Location/404")], [Q(2, 2, 0), Q(4, 4, 0)]], sender.Calls.Select(c => c.Quantities));
    }

    [Fact]
    public async Task an_error_that_names_no_quantity_fails_every_quantity_of_the_call()
    {
        var sender = new Sender();
        sender.Answers[0] = [new ShopifyQuantityError(null, "INVALID_REASON", "input.reason", "The specified reason is invalid.")];
        var writer = new StorefrontStockWriter(sender.SendAsync);

        var failure = await Assert.ThrowsAsync<VendorCallException>(() => writer.SetAsync(Q(1, 1), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(failure.Transient);
        Assert.Single(sender.Calls);
    }

    [Fact]
    public async Task a_transport_failure_or_throttle_fails_every_quantity_of_the_call_and_the_writer_goes_on()
    {
        var sender = new Sender { HoldFirst = true };
        var throttled = new VendorCallException("storefront", "HTTP 429", transient: true, TimeSpan.FromSeconds(2));
        sender.Failures[1] = throttled;
        var writer = new StorefrontStockWriter(sender.SendAsync);
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var batch = Enumerable.Range(2, 3).Select(i => writer.SetAsync(Q(i, i), CancellationToken.None)).ToList();
        sender.Release.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var entry in batch)
        {
            Assert.Same(throttled, await Assert.ThrowsAsync<VendorCallException>(() => entry).WaitAsync(TimeSpan.FromSeconds(10)));
        }

        // The handlers retry as they would alone: the next submit is sent, alone, at once.
        await writer.SetAsync(Q(2, 2), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([[Q(1, 1)], [Q(2, 2), Q(3, 3), Q(4, 4)], [Q(2, 2)]], sender.Calls.Select(c => c.Quantities));
    }

    [Fact]
    public async Task a_caller_that_gives_up_while_waiting_is_not_sent()
    {
        var sender = new Sender { HoldFirst = true };
        var writer = new StorefrontStockWriter(sender.SendAsync);
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var gaveUp = new CancellationTokenSource();
        var abandoned = writer.SetAsync(Q(2, 2), gaveUp.Token);
        var kept = writer.SetAsync(Q(3, 3), CancellationToken.None);
        await gaveUp.CancelAsync();
        sender.Release.SetResult();
        await Task.WhenAll(first, kept).WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal([[Q(1, 1)], [Q(3, 3)]], sender.Calls.Select(c => c.Quantities));
    }

    [Fact]
    public async Task a_call_in_flight_is_cancelled_only_when_every_caller_in_it_has_given_up()
    {
        var sender = new Sender { HoldFirst = true, HoldSecond = true };
        var writer = new StorefrontStockWriter(sender.SendAsync);
        using var b = new CancellationTokenSource();
        using var c = new CancellationTokenSource();
        var first = writer.SetAsync(Q(1, 1), CancellationToken.None);
        await sender.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var two = writer.SetAsync(Q(2, 2), b.Token);
        var three = writer.SetAsync(Q(3, 3), c.Token);
        sender.Release.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        await sender.SecondArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await b.CancelAsync();
        Assert.False(sender.SecondToken.IsCancellationRequested);
        await c.CancelAsync();
        Assert.True(sender.SecondToken.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => two).WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => three).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([[Q(1, 1)], [Q(2, 2), Q(3, 3)]], sender.Calls.Select(call => call.Quantities));
    }

    private sealed record Call(IReadOnlyList<ShopifyQuantity> Quantities, bool Compare);

    private sealed class Sender
    {
        private readonly Lock _gate = new();

        public bool HoldFirst { get; init; }

        /// <summary>The second call waits until its token is cancelled.</summary>
        public bool HoldSecond { get; init; }

        public List<Call> Calls { get; } = [];

        public Dictionary<int, IReadOnlyList<ShopifyQuantityError>> Answers { get; } = [];

        public Dictionary<int, Exception> Failures { get; } = [];

        public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SecondArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken SecondToken { get; private set; }

        public async Task<IReadOnlyList<ShopifyQuantityError>> SendAsync(IReadOnlyList<ShopifyQuantity> quantities, bool compare, CancellationToken ct)
        {
            int index;
            lock (_gate)
            {
                index = Calls.Count;
                Calls.Add(new Call([.. quantities], compare));
            }
            if (index == 0 && HoldFirst)
            {
                FirstArrived.SetResult();
                await Release.Task;
            }
            if (index == 1 && HoldSecond)
            {
                SecondToken = ct;
                SecondArrived.SetResult();
                await new TaskCompletionSource().Task.WaitAsync(ct);
            }
            return Failures.TryGetValue(index, out var failure) ? throw failure : Answers.GetValueOrDefault(index) ?? [];
        }
    }
}
