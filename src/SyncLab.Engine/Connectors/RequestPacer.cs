namespace SyncLab.Engine.Connectors;

/// <summary>At most <paramref name="Requests"/> requests in any <paramref name="Window"/> of business time.</summary>
public sealed record RequestLimit(int Requests, TimeSpan Window)
{
    /// <summary>Business Central online: 6,000 requests per user in a 5-minute sliding window.</summary>
    public static RequestLimit BusinessCentralOnline { get; } = new(6_000, TimeSpan.FromMinutes(5));

    /// <summary>ShipStation API v2: 200 requests per minute per account.</summary>
    public static RequestLimit ShipStation { get; } = new(200, TimeSpan.FromMinutes(1));

    /// <summary>ShipStation API v2 sandbox: 20 requests per minute.</summary>
    public static RequestLimit ShipStationSandbox { get; } = new(20, TimeSpan.FromMinutes(1));

    /// <summary>Requests per second the limit allows when sustained.</summary>
    public double PerSecond => Requests / Window.TotalSeconds;
}

/// <summary>
/// The request limits the engine paces each request-counting vendor to (<see cref="RequestPacer"/>); a vendor left
/// null is not paced (its 429s and Retry-After still are honoured). Shopify is paced by its own answers
/// (<c>Shopify/ShopifyCostPacer</c>); Square publishes no figures, so its limit is the merchant's choice.
/// </summary>
public sealed record VendorLimits
{
    /// <summary>Business Central, per the engine's user.</summary>
    public RequestLimit? Erp { get; init; }

    /// <summary>ShipStation, per API key.</summary>
    public RequestLimit? Warehouse { get; init; }

    /// <summary>
    /// Square, per application. Square answers 429 <c>RATE_LIMITED</c> without publishing a figure or sending
    /// Retry-After: a merchant who meets it sets a budget under what they saw; none in <see cref="Documented"/>.
    /// </summary>
    public RequestLimit? Pos { get; init; }

    /// <summary>No pacing: the default, so an engine against mirrors with limits off (tests) never waits.</summary>
    public static VendorLimits None { get; } = new();

    /// <summary>The vendors' documented production figures.</summary>
    public static VendorLimits Documented { get; } = new() { Erp = RequestLimit.BusinessCentralOnline, Warehouse = RequestLimit.ShipStation };
}

/// <summary>
/// Keeps one vendor's requests under a sliding-window limit instead of bouncing off it with 429s. One per vendor,
/// shared by every caller of that vendor's client.
/// <list type="bullet">
/// <item>A request holds a place in the window from when it is sent until its answer came plus the window: the vendor
/// counts it when it arrives, which is after the engine sent it and before the answer, so counting from the answer
/// never frees a place the vendor still counts.</item>
/// <item>When every place is taken, the caller waits on the engine's clock until the oldest answered request leaves
/// the window (or, every place being in flight, until one is answered). Waiting is not an attempt. Callers wait one at
/// a time, in turn, so a freed place is not raced for by all of them.</item>
/// <item>A clock that does not move (a frozen staging) empties no window: when the engine's clock has not moved for
/// <see cref="FrozenClockGuard"/> of real time, the wait is handed to the work queue as a transient failure with the
/// time left as Retry-After, as a 429 would be.</item>
/// <item>No limit: nothing is counted and nobody waits.</item>
/// </list>
/// A 429 that comes anyway (other users of the same account) takes the usual retry path, never sooner than Retry-After.
/// </summary>
public sealed class RequestPacer(string system, RequestLimit? limit, TimeProvider clock, TimeSpan? frozenClockGuard = null, Action<string, TimeSpan>? paced = null) : IDisposable
{
    /// <summary>Real time a paced wait may see the engine's clock stand still before it gives the wait to the queue.</summary>
    public TimeSpan FrozenClockGuard { get; } = frozenClockGuard ?? TimeSpan.FromMilliseconds(250);

    public string System { get; } = system;

    public RequestLimit? Limit { get; } = limit;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    // When each answered request in the window was answered (business ticks), oldest first.
    private readonly Queue<long> _answered = new();
    private int _inFlight;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _paced;
    private long _pacedTicks;

    /// <summary>Requests that had to wait for a place in the window.</summary>
    public long PacedCalls => Interlocked.Read(ref _paced);

    /// <summary>Business time those requests waited in all.</summary>
    public TimeSpan PacedTime => TimeSpan.FromTicks(Interlocked.Read(ref _pacedTicks));

    /// <summary>Places taken in the window now (sent and not yet answered, or answered less than a window ago).</summary>
    public int InWindow()
    {
        lock (_gate)
        {
            Expire(clock.GetUtcNow().UtcTicks);
            return _answered.Count + _inFlight;
        }
    }

    /// <summary>Waits for a place in the window and takes it; dispose of the lease once the answer has come.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken ct)
    {
        if (Limit is null)
        {
            return Lease.Unpaced;
        }
        // Nobody waiting and a place free: no turn to take.
        if (_turn.CurrentCount > 0 && TryTake(out _))
        {
            return new Lease(this);
        }
        await _turn.WaitAsync(ct);
        try
        {
            var started = clock.GetUtcNow();
            while (true)
            {
                Task changed;
                TimeSpan? wait;
                lock (_gate)
                {
                    if (TryTake(out wait))
                    {
                        var waited = clock.GetUtcNow() - started;
                        Interlocked.Increment(ref _paced);
                        Interlocked.Add(ref _pacedTicks, Math.Max(0, waited.Ticks));
                        paced?.Invoke(System, waited);
                        return new Lease(this) { Waited = waited };
                    }
                    changed = _changed.Task;
                }
                if (wait is not { } span)
                {
                    // Every place is in flight: the next answer frees one (a window later, or now if the clock ran on).
                    await changed.WaitAsync(ct);
                    continue;
                }
                if (!await ClockWait.ForAsync(clock, span, changed, FrozenClockGuard, ct))
                {
                    throw new VendorCallException(System, $"{Limit.Requests} requests in {Limit.Window.TotalSeconds:0.###} s used and the clock is not moving: paced by the queue", transient: true, span);
                }
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Takes a place when one is free; else false and how long until the oldest answered request leaves (null: all in flight).</summary>
    private bool TryTake(out TimeSpan? wait)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow().UtcTicks;
            Expire(now);
            if (_answered.Count + _inFlight < Limit!.Requests)
            {
                _inFlight++;
                wait = null;
                return true;
            }
            wait = _answered.TryPeek(out var oldest) ? TimeSpan.FromTicks(Math.Max(1, oldest + Limit.Window.Ticks - now)) : null;
            return false;
        }
    }

    private void Expire(long now)
    {
        while (_answered.TryPeek(out var oldest) && oldest + Limit!.Window.Ticks <= now)
        {
            _answered.Dequeue();
        }
    }

    private void Answered()
    {
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            _answered.Enqueue(clock.GetUtcNow().UtcTicks);
            Signal();
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    /// <summary>An engine reset: the window forgotten, as on a new engine (the mirrors forget theirs too).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _answered.Clear();
            _inFlight = 0;
            Interlocked.Exchange(ref _paced, 0);
            Interlocked.Exchange(ref _pacedTicks, 0);
            Signal();
        }
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>One request's place in the window: dispose of it when the answer (or the failure) has come.</summary>
    public sealed class Lease : IDisposable
    {
        internal static readonly Lease Unpaced = new(null);

        private readonly RequestPacer? _pacer;
        private int _done;

        internal Lease(RequestPacer? pacer) => _pacer = pacer;

        /// <summary>Business time the caller waited for a place (zero when it did not).</summary>
        public TimeSpan Waited { get; init; }

        public void Dispose()
        {
            if (_pacer is not null && Interlocked.Exchange(ref _done, 1) == 0)
            {
                _pacer.Answered();
            }
        }
    }
}
