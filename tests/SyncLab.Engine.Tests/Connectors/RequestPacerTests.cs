using Microsoft.Extensions.Time.Testing;
using SyncLab.Engine.Connectors;

namespace SyncLab.Engine.Tests.Connectors;

public sealed class RequestPacerTests
{
    private static readonly TimeSpan NeverFrozen = TimeSpan.FromHours(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    private RequestPacer Pacer(int requests, TimeSpan window, TimeSpan? frozenGuard = null) =>
        new("erp", new RequestLimit(requests, window), _clock, frozenGuard ?? NeverFrozen);

    [Fact]
    public async Task without_a_limit_nothing_is_counted_and_nobody_waits_even_with_the_clock_frozen()
    {
        using var pacer = new RequestPacer("erp", null, _clock, NeverFrozen);
        var leases = new List<RequestPacer.Lease>();
        for (var i = 0; i < 10_000; i++)
        {
            var acquire = pacer.AcquireAsync(CancellationToken.None);
            Assert.True(acquire.IsCompletedSuccessfully);
            leases.Add(await acquire);
        }
        leases.ForEach(l => l.Dispose());
        Assert.Equal(0, pacer.InWindow());
        Assert.Equal(0, pacer.PacedCalls);
    }

    [Fact]
    public async Task a_full_window_waits_exactly_until_the_oldest_answered_request_leaves_it()
    {
        // 3 requests per 10 s, answered at 0 s, 2 s and 4 s: the fourth may go at 10 s, when the first leaves.
        using var pacer = Pacer(3, TimeSpan.FromSeconds(10));
        var start = _clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            using (var lease = await pacer.AcquireAsync(CancellationToken.None))
            {
                Assert.Equal(TimeSpan.Zero, lease.Waited);
            }
            if (i < 2)
            {
                _clock.Advance(TimeSpan.FromSeconds(2));
            }
        }
        Assert.Equal(3, pacer.InWindow());

        using var paced = await NotBeforeAsync(pacer, start + TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(6), paced.Waited);
        Assert.Equal(1, pacer.PacedCalls);
        Assert.Equal(TimeSpan.FromSeconds(6), pacer.PacedTime);
    }

    [Fact]
    public async Task a_request_holds_its_place_from_when_it_is_sent_until_a_window_after_its_answer()
    {
        // The vendor counts a request when it arrives, somewhere between sending and answering: a place is freed a
        // window after the answer, never a window after the sending.
        using var pacer = Pacer(2, TimeSpan.FromSeconds(10));
        var start = _clock.GetUtcNow();
        var slow = await pacer.AcquireAsync(CancellationToken.None);
        using (await pacer.AcquireAsync(CancellationToken.None))
        {
        }
        _clock.Advance(TimeSpan.FromSeconds(5));
        slow.Dispose();

        // The fast one, answered at 0 s, leaves at 10 s.
        using (var third = await NotBeforeAsync(pacer, start + TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(TimeSpan.FromSeconds(5), third.Waited);
        }
        // The slow one, sent at 0 s but answered at 5 s, leaves at 15 s.
        using var fourth = await NotBeforeAsync(pacer, start + TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(5), fourth.Waited);
    }

    /// <summary>Asks for a place now and checks it is given exactly at <paramref name="due"/>, not a tick before.</summary>
    private async Task<RequestPacer.Lease> NotBeforeAsync(RequestPacer pacer, DateTimeOffset due)
    {
        var acquire = pacer.AcquireAsync(CancellationToken.None);
        Assert.False(acquire.IsCompleted);
        _clock.Advance(due - _clock.GetUtcNow() - TimeSpan.FromTicks(1));
        await Task.Yield();
        Assert.False(acquire.IsCompleted);
        _clock.Advance(TimeSpan.FromTicks(1));
        return await acquire.WaitAsync(Patience);
    }

    [Fact]
    public async Task with_every_place_in_flight_the_next_caller_waits_for_an_answer_then_for_it_to_leave()
    {
        using var pacer = Pacer(2, TimeSpan.FromSeconds(1));
        var first = await pacer.AcquireAsync(CancellationToken.None);
        using var second = await pacer.AcquireAsync(CancellationToken.None);
        var third = pacer.AcquireAsync(CancellationToken.None);

        // Time passing frees nothing while both are unanswered.
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Yield();
        Assert.False(third.IsCompleted);

        first.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var lease = await third.WaitAsync(Patience);
        Assert.Equal(TimeSpan.FromSeconds(301), lease.Waited);
    }

    [Fact]
    public async Task concurrent_callers_never_have_more_requests_in_any_window_than_the_limit()
    {
        const int Limit = 5;
        var window = TimeSpan.FromSeconds(1);
        using var pacer = Pacer(Limit, window);
        var sent = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();
        var overLimit = 0;
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                using var lease = await pacer.AcquireAsync(CancellationToken.None);
                sent.Add(_clock.GetUtcNow());
                if (pacer.InWindow() > Limit)
                {
                    Interlocked.Increment(ref overLimit);
                }
            }
        })).ToList();
        var all = Task.WhenAll(callers);
        var start = _clock.GetUtcNow();
        for (var step = 0; !all.IsCompleted && step < 1_000_000; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }
        await all.WaitAsync(Patience);

        Assert.Equal(0, overLimit);
        var times = sent.Order().ToList();
        Assert.Equal(40, times.Count);
        // As the vendor counts: no window of business time holds more than the limit.
        for (var i = Limit; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - Limit] >= window, $"request {i} at {times[i]:O} is the {Limit + 1}th within {window}");
        }
        // 40 requests at 5 per second: the last five cannot be sent before 7 s have passed.
        Assert.True(times[^1] - start >= TimeSpan.FromSeconds(7));
        Assert.True(pacer.PacedCalls >= 1);
    }

    [Fact]
    public async Task with_the_clock_frozen_the_wait_is_handed_to_the_queue_with_the_time_left()
    {
        using var pacer = Pacer(1, TimeSpan.FromSeconds(30), frozenGuard: TimeSpan.FromMilliseconds(50));
        using (await pacer.AcquireAsync(CancellationToken.None))
        {
        }
        _clock.Advance(TimeSpan.FromSeconds(12));

        var e = await Assert.ThrowsAsync<VendorCallException>(() => pacer.AcquireAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.True(e.Transient);
        Assert.Equal("erp", e.System);
        Assert.Equal(TimeSpan.FromSeconds(18), e.RetryAfter);
        Assert.Equal(1, pacer.InWindow());
    }

    [Fact]
    public async Task cancelling_a_wait_releases_the_turn_and_takes_no_place()
    {
        using var pacer = Pacer(1, TimeSpan.FromSeconds(1));
        using (await pacer.AcquireAsync(CancellationToken.None))
        {
        }
        using var cancel = new CancellationTokenSource();
        var waiting = pacer.AcquireAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var lease = await pacer.AcquireAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(1, pacer.InWindow());
    }

    [Fact]
    public async Task an_engine_reset_forgets_the_window_and_lets_a_waiting_caller_through()
    {
        using var pacer = Pacer(1, TimeSpan.FromMinutes(5));
        using (await pacer.AcquireAsync(CancellationToken.None))
        {
        }
        var waiting = pacer.AcquireAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        pacer.Forget();
        using var lease = await waiting.WaitAsync(Patience);
        Assert.Equal(TimeSpan.Zero, lease.Waited);
        Assert.Equal(1, pacer.InWindow());
    }
}
