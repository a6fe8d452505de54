using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Tests.Connectors;

public sealed class ShopifyCostPacerTests : IDisposable
{
    private const string Search = "query VariantsBySku";
    private static readonly TimeSpan NeverFrozen = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly ShopifyCostPacer _pacer;

    public ShopifyCostPacerTests() => _pacer = new ShopifyCostPacer(_clock, NeverFrozen);

    public void Dispose() => _pacer.Dispose();

    private static JsonNode Cost(double requested, double available, double maximum = 1_000, double restore = 100) => new JsonObject
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = requested,
        ["throttleStatus"] = new JsonObject { ["maximumAvailable"] = maximum, ["currentlyAvailable"] = available, ["restoreRate"] = restore },
    };

    /// <summary>One call answered with these figures: the pacer learns the bucket and the operation's cost.</summary>
    private async Task AnsweredAsync(JsonNode? cost)
    {
        using var lease = await _pacer.AcquireAsync(Search, CancellationToken.None);
        lease.Observe(cost);
    }

    [Fact]
    public async Task without_figures_nothing_waits()
    {
        for (var i = 0; i < 50; i++)
        {
            var acquire = _pacer.AcquireAsync(Search, CancellationToken.None);
            Assert.True(acquire.IsCompletedSuccessfully);
            (await acquire).Dispose();
        }
        Assert.Null(_pacer.Projected());
        Assert.Equal(0, _pacer.PacedCalls);
    }

    [Fact]
    public async Task a_query_the_bucket_cannot_hold_waits_on_the_clock_until_it_refills_and_is_not_sent_before()
    {
        // 250 left of 1,000, 100 points/s, the search costs 200: one more fits, the next needs 1.5 s of refill.
        await AnsweredAsync(Cost(requested: 200, available: 250));
        Assert.Equal(200, _pacer.ExpectedCost(Search));
        using (var first = await _pacer.AcquireAsync(Search, CancellationToken.None))
        {
            first.Observe(Cost(requested: 200, available: 50));
        }

        var second = _pacer.AcquireAsync(Search, CancellationToken.None);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1.4));
        await Task.Yield();
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(1.5), lease.Waited);
        Assert.Equal(1, _pacer.PacedCalls);
    }

    [Fact]
    public async Task concurrent_callers_share_the_bucket_and_are_let_through_one_refill_at_a_time()
    {
        await AnsweredAsync(Cost(requested: 100, available: 0));
        var waiting = Enumerable.Range(0, 3).Select(_ => _pacer.AcquireAsync(Search, CancellationToken.None)).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        var done = new List<Task<ShopifyCostPacer.Lease>>();
        for (var second = 1; second <= 3; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var next = await Task.WhenAny(waiting).WaitAsync(TimeSpan.FromSeconds(10));
            done.Add(next);
            waiting.Remove(next);
            // One refill of 100 points lets exactly one 100-point query through, never the whole crowd.
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            Assert.All(waiting, w => Assert.False(w.IsCompleted));
        }
        Assert.Empty(waiting);
        foreach (var lease in done)
        {
            (await lease).Dispose();
        }
    }

    [Fact]
    public async Task a_shop_that_reports_a_full_bucket_never_makes_anyone_wait_even_with_the_clock_frozen()
    {
        // A mirror with limits off reports its bucket full on every answer; the clock of a test stands still.
        await AnsweredAsync(Cost(requested: 50, available: 1_000));
        for (var round = 0; round < 20; round++)
        {
            var leases = Enumerable.Range(0, 4).Select(_ => _pacer.AcquireAsync(Search, CancellationToken.None)).ToList();
            Assert.All(leases, l => Assert.True(l.IsCompletedSuccessfully));
            foreach (var lease in leases)
            {
                using var l = await lease;
                l.Observe(Cost(requested: 50, available: 1_000));
            }
        }
        Assert.Equal(0, _pacer.PacedCalls);
    }

    [Fact]
    public async Task an_answer_without_throttle_status_turns_pacing_off_and_wakes_whoever_waits()
    {
        using var first = await _pacer.AcquireAsync(Search, CancellationToken.None);
        using var second = await _pacer.AcquireAsync(Search, CancellationToken.None);
        first.Observe(Cost(requested: 100, available: 0));
        var waiting = _pacer.AcquireAsync(Search, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        second.Observe(new JsonObject { ["requestedQueryCost"] = 100 });
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(_pacer.Projected());
        Assert.True(_pacer.AcquireAsync(Search, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task fresh_figures_from_another_answer_wake_a_waiting_caller_without_the_clock_moving()
    {
        using var first = await _pacer.AcquireAsync(Search, CancellationToken.None);
        using var second = await _pacer.AcquireAsync(Search, CancellationToken.None);
        first.Observe(Cost(requested: 100, available: 0));
        var waiting = _pacer.AcquireAsync(Search, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        // The shop says the bucket is fuller than projected (e.g. a query cost less than it requested).
        second.Observe(Cost(requested: 100, available: 500));
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, lease.Waited);
        Assert.Equal(400, _pacer.Projected());
    }

    [Fact]
    public async Task with_the_clock_frozen_the_wait_is_handed_to_the_queue_with_the_refill_time()
    {
        using var pacer = new ShopifyCostPacer(_clock, TimeSpan.FromMilliseconds(50));
        using (var lease = await pacer.AcquireAsync(Search, CancellationToken.None))
        {
            lease.Observe(Cost(requested: 100, available: 0, restore: 50));
        }
        var e = await Assert.ThrowsAsync<VendorCallException>(() => pacer.AcquireAsync(Search, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(e.Transient);
        Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
    }

    [Fact]
    public async Task cancelling_a_wait_releases_the_turn()
    {
        await AnsweredAsync(Cost(requested: 100, available: 0));
        using var cancel = new CancellationTokenSource();
        var waiting = _pacer.AcquireAsync(Search, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var lease = await _pacer.AcquireAsync(Search, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(100, lease.Reserved);
    }
}
