using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SyncLab.Engine.Connectors.Shopify;

/// <summary>
/// Shopify's calculated-cost leaky bucket as the engine last saw it, so queries are sent when the bucket holds
/// their cost instead of bouncing off it with THROTTLED. One per engine (one shop): every caller shares it.
/// <list type="bullet">
/// <item>Each answer's <c>extensions.cost.throttleStatus</c> (maximumAvailable, currentlyAvailable, restoreRate) resets the
/// projection, less what is still in flight; each query's <c>requestedQueryCost</c> is remembered per operation as its
/// expected cost next time (<see cref="DefaultCost"/> until seen).</item>
/// <item>Before a query is sent, the bucket is projected forward on the engine's clock (refill at restoreRate); when it
/// would not hold the expected cost, the caller waits on that clock until it would (or until another answer brings
/// fresh figures). Waiting is not an attempt. Callers wait one at a time, so a refill is not raced for by all.</item>
/// <item>No figures (an answer without throttleStatus, or none yet): no pacing. A bucket that reports itself full (a
/// shop without limits) never makes anyone wait.</item>
/// <item>A clock that does not move (a frozen staging) cannot refill the bucket: when the engine's clock has not moved
/// for <see cref="FrozenClockGuard"/> of real time, the wait is handed to the work queue as a transient failure with
/// the refill time as Retry-After, as a THROTTLED answer would be.</item>
/// </list>
/// </summary>
public sealed class ShopifyCostPacer(TimeProvider clock, TimeSpan? frozenClockGuard = null) : Pipeline.IEngineCache, IDisposable
{
    /// <summary>The cost assumed for an operation not seen yet (a variant search of 50 SKUs costs about this much).</summary>
    public const double DefaultCost = 50;

    /// <summary>Real time a paced wait may see the engine's clock stand still before it gives the wait to the queue.</summary>
    public TimeSpan FrozenClockGuard { get; } = frozenClockGuard ?? TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentDictionary<string, double> _costs = new(StringComparer.Ordinal);
    private Bucket? _bucket;
    private double _inFlight;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _paced;
    private long _pacedTicks;

    /// <summary>Calls that had to wait for the bucket.</summary>
    public long PacedCalls => Interlocked.Read(ref _paced);

    /// <summary>Business time those calls waited in all.</summary>
    public TimeSpan PacedTime => TimeSpan.FromTicks(Interlocked.Read(ref _pacedTicks));

    /// <summary>The projected points available now; null when no answer has reported the bucket.</summary>
    public double? Projected()
    {
        lock (_gate)
        {
            return _bucket is { } b ? b.At(clock.GetUtcNow().UtcTicks) : null;
        }
    }

    public double ExpectedCost(string operation) => _costs.TryGetValue(operation, out var cost) ? cost : DefaultCost;

    /// <summary>
    /// Waits until the bucket is projected to hold <paramref name="operation"/>'s expected cost, and reserves it. Dispose
    /// of the lease after the answer (<see cref="Lease.Observe"/> first when it carried <c>extensions.cost</c>).
    /// </summary>
    public async Task<Lease> AcquireAsync(string operation, CancellationToken ct)
    {
        var cost = ExpectedCost(operation);
        // Nobody waiting and the bucket holds it: no turn to take.
        if (_turn.CurrentCount > 0 && TryReserve(cost, out _) is { } immediate)
        {
            return new Lease(this, operation, immediate);
        }
        await _turn.WaitAsync(ct);
        try
        {
            var started = clock.GetUtcNow();
            while (true)
            {
                Task changed;
                TimeSpan wait;
                lock (_gate)
                {
                    if (TryReserve(cost, out wait) is { } reserved)
                    {
                        var waited = clock.GetUtcNow() - started;
                        Interlocked.Increment(ref _paced);
                        Interlocked.Add(ref _pacedTicks, Math.Max(0, waited.Ticks));
                        return new Lease(this, operation, reserved) { Waited = waited };
                    }
                    changed = _changed.Task;
                }
                if (!await ClockWait.ForAsync(clock, wait, changed, FrozenClockGuard, ct))
                {
                    throw new VendorCallException("storefront", "query cost bucket empty and the clock is not moving: paced by the queue", transient: true, wait);
                }
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Reserves <paramref name="cost"/> when the projection allows it (or there is none); else null and how long the refill takes.</summary>
    private double? TryReserve(double cost, out TimeSpan wait)
    {
        lock (_gate)
        {
            wait = TimeSpan.Zero;
            if (_bucket is not { } b)
            {
                _inFlight += cost;
                return cost;
            }
            var now = clock.GetUtcNow().UtcTicks;
            var need = Math.Min(cost, b.Maximum);
            var projected = b.At(now);
            if (projected >= need)
            {
                _bucket = b with { Available = projected - need, AtTicks = now };
                _inFlight += need;
                return need;
            }
            if (b.RestoreRate <= 0)
            {
                // A bucket that never refills cannot be waited for: send, and let the answer decide.
                _inFlight += need;
                return need;
            }
            wait = TimeSpan.FromSeconds(Math.Max(0.001, (need - projected) / b.RestoreRate));
            return null;
        }
    }

    private void Observe(string operation, double reserved, JsonNode? cost)
    {
        if (Number(cost?["requestedQueryCost"]) is { } requested)
        {
            _costs[operation] = requested;
        }
        var status = cost?["throttleStatus"];
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - reserved);
            if (Number(status?["maximumAvailable"]) is { } maximum && Number(status?["currentlyAvailable"]) is { } available && Number(status?["restoreRate"]) is { } rate)
            {
                // What the shop reported, less what is still on its way to it (counted twice at worst: it errs on the safe side).
                _bucket = new Bucket(maximum, available - _inFlight, rate, clock.GetUtcNow().UtcTicks);
            }
            else
            {
                _bucket = null;
            }
            Signal();
        }
    }

    /// <summary>A JSON number as a double, whether it was parsed or built (an int stays an int in a built node).</summary>
    internal static double? Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue(out double d) ? d : value.TryGetValue(out long l) ? l : value.TryGetValue(out int i) ? i : null
        : null;

    private void Release(double reserved)
    {
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - reserved);
            Signal();
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    /// <summary>An engine reset: figures and expected costs forgotten, as on a new engine.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _bucket = null;
            _inFlight = 0;
            _costs.Clear();
            Interlocked.Exchange(ref _paced, 0);
            Interlocked.Exchange(ref _pacedTicks, 0);
            Signal();
        }
    }

    public void Dispose() => _turn.Dispose();

    private readonly record struct Bucket(double Maximum, double Available, double RestoreRate, long AtTicks)
    {
        public double At(long nowTicks) => Math.Min(Maximum, Available + (RestoreRate * TimeSpan.FromTicks(Math.Max(0, nowTicks - AtTicks)).TotalSeconds));
    }

    /// <summary>One query's reservation: observe its answer's cost, then dispose.</summary>
    public sealed class Lease(ShopifyCostPacer pacer, string operation, double reserved) : IDisposable
    {
        private bool _done;

        public double Reserved { get; } = reserved;

        /// <summary>Business time the caller waited for the bucket (zero when it did not).</summary>
        public TimeSpan Waited { get; init; }

        /// <summary>The answer's <c>extensions.cost</c> (null when it had none: no pacing until one does).</summary>
        public void Observe(JsonNode? cost)
        {
            if (!_done)
            {
                _done = true;
                pacer.Observe(operation, Reserved, cost);
            }
        }

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                pacer.Release(Reserved);
            }
        }
    }
}
