using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Telemetry;

namespace SyncLab.Bench.Engine;

/// <summary>
/// What the engine in this process reports about itself while a case runs, read from its own telemetry (the
/// <c>SyncLab.Engine</c> meter and activities), so the figures are the engine's, not the load generator's:
/// vendor calls by system and outcome, storefront query cost consumed, paced waits, work items by outcome, when
/// its first poll started, and when each web order was applied (its ERP sales order made).
/// Only one engine may run in the process while a probe listens.
/// </summary>
internal sealed class EngineProbe : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentDictionary<(string Name, string Tags), double> _sums = new();
    private readonly ConcurrentDictionary<string, long> _ordersApplied = new(StringComparer.Ordinal);
    private long _firstPoll;
    private readonly ConcurrentDictionary<(string Process, string Key), string> _lastOutcome = new();
    private TaskCompletionSource _orderApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _applyEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EngineProbe()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a =>
            {
                if (a.OperationName == "synclab.engine.poll")
                {
                    Interlocked.CompareExchange(ref _firstPoll, Stopwatch.GetTimestamp(), 0);
                }
            },
            ActivityStopped = a =>
            {
                if (a.OperationName == "synclab.engine.apply" && a.GetTagItem("synclab.process") is string process && a.GetTagItem("synclab.key") is string applied)
                {
                    _lastOutcome[(process, applied)] = a.GetTagItem("synclab.outcome") as string ?? string.Empty;
                    Interlocked.Exchange(ref _applyEnded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
                if (a.OperationName == "synclab.engine.apply"
                    && a.GetTagItem("synclab.process") as string == OrderToErpProcess.ProcessName
                    && a.GetTagItem("synclab.outcome") as string == EngineTelemetry.Outcomes.Applied
                    && a.GetTagItem("synclab.key") is string key)
                {
                    _ordersApplied.TryAdd(key, Stopwatch.GetTimestamp());
                    Interlocked.Exchange(ref _orderApplied, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>Stopwatch timestamp of the engine's first poll; 0 until it has started.</summary>
    public long FirstPollStarted => Interlocked.Read(ref _firstPoll);

    /// <summary>Web order id → Stopwatch timestamp of the moment the engine had made its ERP sales order.</summary>
    public IReadOnlyDictionary<string, long> OrdersApplied => _ordersApplied;

    /// <summary>
    /// Waits until the engine is quiescent with no work waiting for a retry (quiescence alone comes while retries are
    /// scheduled for later: a run that bounced off a limit is not done then). The clock must run for retries to come due.
    /// </summary>
    public async Task<bool> DrainAsync(SyncLab.Engine.Pipeline.SyncEngine engine, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var next = Volatile.Read(ref _applyEnded).Task;
                if (!await engine.WaitForQuiescenceAsync(timeout, deadline.Token))
                {
                    return false;
                }
                if (!_lastOutcome.Values.Any(o => o == EngineTelemetry.Outcomes.Retry))
                {
                    return true;
                }
                await next.WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until the engine has applied every one of <paramref name="orders"/>; how many it had when done or out of time.</summary>
    public async Task<int> WaitForOrdersAsync(IReadOnlyCollection<string> orders, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var next = Volatile.Read(ref _orderApplied).Task;
                var applied = orders.Count(_ordersApplied.ContainsKey);
                if (applied == orders.Count)
                {
                    return applied;
                }
                await next.WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return orders.Count(_ordersApplied.ContainsKey);
        }
    }

    /// <summary>
    /// Waits until <paramref name="process"/> has settled every one of <paramref name="keys"/>: its last attempt ended as
    /// anything but a retry (applied, dead-lettered, a data error, ...). How many had settled when done or out of time.
    /// </summary>
    public async Task<int> WaitForSettledAsync(string process, IReadOnlyCollection<string> keys, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        int Settled() => keys.Count(k => _lastOutcome.TryGetValue((process, k), out var o) && o != EngineTelemetry.Outcomes.Retry);
        try
        {
            while (true)
            {
                var next = Volatile.Read(ref _applyEnded).Task;
                if (Settled() == keys.Count)
                {
                    return keys.Count;
                }
                await next.WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Settled();
        }
    }

    /// <summary>How many of <paramref name="keys"/> <paramref name="process"/> last ended as applied.</summary>
    public int Applied(string process, IEnumerable<string> keys) =>
        keys.Count(k => _lastOutcome.TryGetValue((process, k), out var o) && o == EngineTelemetry.Outcomes.Applied);

    /// <summary>Calls to <paramref name="system"/> (erp, warehouse) that waited for a place in its request window, and the business seconds they waited.</summary>
    public PacedCalls VendorPaced(string system) => new(
        (long)Sum("synclab.engine.vendor.paced#count", system), Sum("synclab.engine.vendor.paced", system));

    /// <summary>Vendor calls of <paramref name="system"/> (erp, storefront, warehouse) with <paramref name="outcome"/> (ok, throttled, failed; null: all).</summary>
    public long Calls(string system, string? outcome = null) =>
        (long)_sums.Where(s => s.Key.Name == "synclab.engine.vendor.calls" && s.Key.Tags.Contains($"system={system};", StringComparison.Ordinal)
            && (outcome is null || s.Key.Tags.Contains($"outcome={outcome};", StringComparison.Ordinal))).Sum(s => s.Value);

    /// <summary>Work items that ended with <paramref name="outcome"/> (applied, stale, retry, …), in every process.</summary>
    public long Items(string outcome) =>
        (long)_sums.Where(s => s.Key.Name == "synclab.engine.items.applied" && s.Key.Tags.Contains($"outcome={outcome};", StringComparison.Ordinal)).Sum(s => s.Value);

    /// <summary>Storefront query cost points the engine's calls consumed.</summary>
    public double StorefrontCost => Sum("synclab.engine.storefront.query_cost");

    /// <summary>Storefront calls that waited for the bucket, and the business seconds they waited in all.</summary>
    public (long Calls, double Seconds) Paced => ((long)Sum("synclab.engine.storefront.paced#count"), Sum("synclab.engine.storefront.paced"));

    private double Sum(string name, string? system = null) =>
        _sums.Where(s => s.Key.Name == name && (system is null || s.Key.Tags.Contains($"system={system};", StringComparison.Ordinal))).Sum(s => s.Value);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument is ObservableInstrument<long> or ObservableInstrument<double>)
        {
            return;
        }
        var key = string.Concat(tags.ToArray().Where(t => t.Key != EngineTelemetry.InstanceTag).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value};"));
        _sums.AddOrUpdate((instrument.Name, key), value, (_, sum) => sum + value);
        if (instrument is Histogram<double>)
        {
            _sums.AddOrUpdate((instrument.Name + "#count", key), 1, (_, n) => n + 1);
        }
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
