using System.Diagnostics;
using System.Diagnostics.Metrics;
using SyncLab.Engine.Telemetry;

namespace SyncLab.Engine.Scheduling;

/// <summary>
/// Scheduled jobs' instruments on the engine's meter (so they carry its instance tag): runs by job and lateness,
/// reconciliation findings by kind and whether they were healed; and one activity per run.
/// </summary>
public sealed class SchedulingTelemetry
{
    private readonly Counter<long> _runs;
    private readonly Counter<long> _drift;
    private readonly string _instance;

    public SchedulingTelemetry(EngineTelemetry engine)
    {
        _instance = engine.Instance;
        _runs = engine.Meter.CreateCounter<long>("synclab.engine.schedule.runs", "{run}", "Scheduled job occurrences run, by job and whether they ran late (engine down)");
        _drift = engine.Meter.CreateCounter<long>("synclab.engine.reconciliation.drift", "{item}", "Differences a reconciliation found between the ERP and the storefront, by kind and whether they were healed");
    }

    public Activity? StartRun(ScheduledRun run)
    {
        var activity = EngineTelemetry.Source.StartActivity("synclab.engine.schedule.run");
        activity?.SetTag(EngineTelemetry.InstanceTag, _instance);
        activity?.SetTag("synclab.job", run.Job);
        activity?.SetTag("synclab.occurrence", run.Occurrence.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("synclab.late", run.Late);
        return activity;
    }

    public void Ran(ScheduledRun run) =>
        _runs.Add(1, new KeyValuePair<string, object?>("job", run.Job), new KeyValuePair<string, object?>("late", run.Late));

    public void Drift(string kind, bool healed, int count)
    {
        if (count > 0)
        {
            _drift.Add(count, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("healed", healed));
        }
    }
}
