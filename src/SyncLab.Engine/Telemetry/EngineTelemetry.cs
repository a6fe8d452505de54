using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Telemetry;

/// <summary>
/// The engine's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>. Tags carry process names, keys (SKUs, order numbers), versions and outcomes only —
/// never tokens, payloads or URLs. Every engine has its own <see cref="Instance"/> id (meter tag and activity
/// tag <c>synclab.engine.instance</c>), so several engines in one process (tests) can be told apart.
/// </summary>
public sealed class EngineTelemetry
{
    public const string Name = "SyncLab.Engine";
    public const string InstanceTag = "synclab.engine.instance";

    /// <summary>Activities: one per work item processed (<c>synclab.engine.apply</c>) and per change-source poll (<c>synclab.engine.poll</c>).</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _items;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _dataErrors;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _vendorCalls;
    private readonly Counter<double> _queryCost;
    private readonly Histogram<double> _paced;
    private readonly Histogram<double> _vendorPaced;

    public EngineTelemetry(IMeterFactory meters, IDbContextFactory<EngineDb> dbs)
    {
        Meter = meters.Create(new MeterOptions(Name) { Tags = [new(InstanceTag, Instance)] });
        _items = Meter.CreateCounter<long>("synclab.engine.items.applied", "{item}", "Work items processed, by process and outcome (applied, stale, retry, dead_lettered, data_error).");
        _retries = Meter.CreateCounter<long>("synclab.engine.retries", "{retry}", "Transient vendor failures that were scheduled for another attempt.");
        _dataErrors = Meter.CreateCounter<long>("synclab.engine.data_errors", "{error}", "Changes a target refused for their data (reported, not retried).");
        _lag = Meter.CreateHistogram<double>("synclab.engine.lag", "s", "Business time from a change being queued (or falling due) to being applied.");
        _vendorCalls = Meter.CreateCounter<long>("synclab.engine.vendor.calls", "{call}", "Calls to a vendor's API, by system (erp, storefront) and outcome (ok, throttled, failed).");
        _queryCost = Meter.CreateCounter<double>("synclab.engine.storefront.query_cost", "{point}", "Storefront query cost actually consumed (extensions.cost.actualQueryCost).");
        _paced = Meter.CreateHistogram<double>("synclab.engine.storefront.paced", "s", "Business time a storefront call waited for the query cost bucket before it was sent.");
        _vendorPaced = Meter.CreateHistogram<double>("synclab.engine.vendor.paced", "s", "Business time a call to a request-counting vendor (erp, warehouse) waited for a place in its request window.");
        Meter.CreateObservableGauge("synclab.engine.dead_letters", () => CountByProcess(dbs, WorkState.DeadLettered), "{item}", "Changes the engine gave up on, waiting for a replay.");
        Meter.CreateObservableGauge("synclab.engine.queue.depth", () => CountByProcess(dbs, WorkState.Pending), "{item}", "Work items queued (due now or later).");
    }

    /// <summary>Tells this engine's measurements and activities from those of other engines in the same process.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N")[..12];

    public Meter Meter { get; }

    public Activity? StartApply(string process, string key, string version, int attempt)
    {
        var activity = Source.StartActivity("synclab.engine.apply");
        activity?.SetTag(InstanceTag, Instance)
            .SetTag("synclab.process", process)
            .SetTag("synclab.key", key)
            .SetTag("synclab.version", version)
            .SetTag("synclab.attempt", attempt);
        return activity;
    }

    public Activity? StartPoll(string source)
    {
        var activity = Source.StartActivity("synclab.engine.poll");
        activity?.SetTag(InstanceTag, Instance).SetTag("synclab.source", source);
        return activity;
    }

    /// <summary>Records how a work item ended; <paramref name="lag"/> is given when it was applied.</summary>
    public void Processed(Activity? activity, string process, string outcome, TimeSpan? lag)
    {
        var tags = new TagList { { "process", process }, { "outcome", outcome } };
        _items.Add(1, tags);
        switch (outcome)
        {
            case Outcomes.Retry:
                _retries.Add(1, new KeyValuePair<string, object?>("process", process));
                break;
            case Outcomes.DataError:
                _dataErrors.Add(1, new KeyValuePair<string, object?>("process", process));
                break;
        }
        if (lag is { } l)
        {
            _lag.Record(Math.Max(0, l.TotalSeconds), new KeyValuePair<string, object?>("process", process));
        }
        activity?.SetTag("synclab.outcome", outcome);
        if (outcome is Outcomes.Retry or Outcomes.DeadLettered or Outcomes.DataError)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    /// <summary>One call to a vendor answered: <paramref name="outcome"/> is ok, throttled (429, THROTTLED) or failed.</summary>
    public void VendorCall(string system, string outcome) =>
        _vendorCalls.Add(1, new KeyValuePair<string, object?>("system", system), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Points of the storefront's query cost bucket one answer consumed.</summary>
    public void StorefrontCost(double actual) => _queryCost.Add(actual);

    /// <summary>A storefront call that waited for the bucket (business time).</summary>
    public void StorefrontPaced(TimeSpan waited) => _paced.Record(waited.TotalSeconds);

    /// <summary>A call to <paramref name="system"/> that waited for a place in its request window (business time).</summary>
    public void VendorPaced(string system, TimeSpan waited) => _vendorPaced.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("system", system));

    private static IEnumerable<Measurement<long>> CountByProcess(IDbContextFactory<EngineDb> dbs, WorkState state)
    {
        using var db = dbs.CreateDbContext();
        return db.WorkItems.Where(w => w.State == state).GroupBy(w => w.Process)
            .Select(g => new { Process = g.Key, Count = g.LongCount() }).ToList()
            .Select(c => new Measurement<long>(c.Count, new KeyValuePair<string, object?>("process", c.Process)))
            .ToList();
    }

    /// <summary>The <c>outcome</c> tag's values.</summary>
    public static class Outcomes
    {
        public const string Applied = "applied";
        public const string Stale = "stale";
        public const string Retry = "retry";
        public const string DeadLettered = "dead_lettered";
        public const string DataError = "data_error";
        public const string Held = "held";
    }
}
