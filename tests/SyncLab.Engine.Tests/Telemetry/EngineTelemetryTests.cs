using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using SyncLab.Engine.Telemetry;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Telemetry;

/// <summary>
/// The engine's metrics and traces, read the way an OpenTelemetry SDK reads them (a <see cref="MeterListener"/> and
/// an <see cref="ActivityListener"/>), on a whole staging over HTTP. Tests run in parallel in one process, so every
/// reading is filtered to the engine under test: its own meter, and activities tagged with its instance id.
/// </summary>
public sealed class EngineTelemetryTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_price_change_applied_counts_records_its_lag_and_traces_the_work_item()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        using var readings = new Readings(host.Engine.Telemetry);
        var sku = StagingHttp.CleanWebSku(host);

        await SetErpPriceAsync(http, host, sku, 43.21m);
        host.Clock.Advance(host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(43.21m, await StagingHttp.StorefrontPriceAsync(http, host, sku));

        Assert.True(readings.Sum("synclab.engine.items.applied", ("process", "prices"), ("outcome", "applied")) >= 1);
        Assert.NotEmpty(readings.Values("synclab.engine.lag", ("process", "prices")));
        Assert.All(readings.Values("synclab.engine.lag"), seconds => Assert.True(seconds >= 0));
        var apply = readings.Activities("synclab.engine.apply").Single(a => Tag(a, "synclab.process") == "prices" && Tag(a, "synclab.key") == sku);
        Assert.Equal("applied", Tag(apply, "synclab.outcome"));
        Assert.Equal("1", Tag(apply, "synclab.attempt"));
        Assert.False(string.IsNullOrEmpty(Tag(apply, "synclab.version")));
        Assert.Equal(ActivityStatusCode.Unset, apply.Status);
        // Every poll of every source is traced too, and nothing secret rides on any tag.
        Assert.Contains(readings.Activities("synclab.engine.poll"), a => Tag(a, "synclab.source") is not null);
        Assert.DoesNotContain(readings.Activities().SelectMany(a => a.TagObjects), t => $"{t.Value}".Contains("://", StringComparison.Ordinal) || $"{t.Value}".Contains("synclab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_storefront_failing_counts_retries_keeps_the_change_queued_and_its_lag_grows_until_applied()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        using var readings = new Readings(host.Engine.Telemetry);
        var sku = StagingHttp.CleanWebSku(host);

        await StorefrontDownAsync(http, host);
        await SetErpPriceAsync(http, host, sku, 12.34m);
        host.Clock.Advance(host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(http, host);

        Assert.True(readings.Sum("synclab.engine.retries", ("process", "prices")) >= 1);
        Assert.True(readings.Sum("synclab.engine.items.applied", ("process", "prices"), ("outcome", "retry")) >= 1);
        Assert.Equal(0, readings.Sum("synclab.engine.items.applied", ("process", "prices"), ("outcome", "applied")));
        var failed = readings.Activities("synclab.engine.apply").First(a => Tag(a, "synclab.process") == "prices" && Tag(a, "synclab.key") == sku);
        Assert.Equal("retry", Tag(failed, "synclab.outcome"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        // Waiting for its next attempt: on the queue, not yet a dead letter.
        Assert.True(readings.Observe("synclab.engine.queue.depth", ("process", "prices")) >= 1);
        Assert.Equal(0, readings.Observe("synclab.engine.dead_letters", ("process", "prices")));

        await StorefrontBackAsync(http, host);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(12.34m, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        var retried = readings.Activities("synclab.engine.apply").Last(a => Tag(a, "synclab.process") == "prices" && Tag(a, "synclab.key") == sku);
        Assert.Equal("applied", Tag(retried, "synclab.outcome"));
        Assert.True(int.Parse(Tag(retried, "synclab.attempt")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        // Queued before the outage, applied after it: the lag is the business time in between.
        Assert.Contains(readings.Values("synclab.engine.lag", ("process", "prices")), seconds => seconds >= 60);
        Assert.Equal(0, readings.Observe("synclab.engine.queue.depth", ("process", "prices")));
    }

    [Fact]
    public async Task a_change_given_up_on_shows_in_the_dead_letter_gauge()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        using var readings = new Readings(host.Engine.Telemetry);
        var sku = StagingHttp.CleanWebSku(host);
        Assert.Equal(0, readings.Observe("synclab.engine.dead_letters", ("process", "prices")));

        await StorefrontDownAsync(http, host);
        await SetErpPriceAsync(http, host, sku, 56.78m);
        for (var step = 0; step < 40 && readings.Observe("synclab.engine.dead_letters", ("process", "prices")) == 0; step++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await StagingHttp.QuiescentAsync(http, host);
        }

        Assert.Equal(1, readings.Observe("synclab.engine.dead_letters", ("process", "prices")));
        Assert.True(readings.Sum("synclab.engine.items.applied", ("process", "prices"), ("outcome", "dead_lettered")) >= 1);
        Assert.Contains(readings.Activities("synclab.engine.apply"), a => Tag(a, "synclab.key") == sku && Tag(a, "synclab.outcome") == "dead_lettered" && a.Status == ActivityStatusCode.Error);
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name) is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static Task<StagingHost> StartAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 20,
        BasePort = 0,
        ClockStart = Epoch,
        ClockRate = 0,
        ForeignServices = new ForeignServicesOptions { Enabled = false },
    });

    private static Task SetErpPriceAsync(HttpClient http, StagingHost host, string sku, decimal price) =>
        StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = price }));

    private static Task StorefrontDownAsync(HttpClient http, StagingHost host) =>
        StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "down", kind = "error", status = 503 }));

    private static async Task StorefrontBackAsync(HttpClient http, StagingHost host)
    {
        using var response = await http.DeleteAsync(new Uri(host.Addresses["storefront"], "_synclab/faults/down"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>What one engine measured and traced since this was made.</summary>
    private sealed class Readings : IDisposable
    {
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _traces;
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();
        private readonly ConcurrentQueue<Activity> _activities = new();

        public Readings(EngineTelemetry telemetry)
        {
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _meters.Start();
            _traces = new ActivityListener
            {
                ShouldListenTo = source => source.Name == EngineTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (Equals(a.GetTagItem(EngineTelemetry.InstanceTag), telemetry.Instance))
                    {
                        _activities.Enqueue(a);
                    }
                },
            };
            ActivitySource.AddActivityListener(_traces);
        }

        public double Sum(string instrument, params (string Key, string Value)[] tags) => Values(instrument, tags).Sum();

        public List<double> Values(string instrument, params (string Key, string Value)[] tags) =>
            _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Select(m => m.Value).ToList();

        /// <summary>Collects the observable gauges now; the value of <paramref name="instrument"/> with those tags (0 when none was reported).</summary>
        public double Observe(string instrument, params (string Key, string Value)[] tags)
        {
            var before = _measurements.Count;
            _meters.RecordObservableInstruments();
            return _measurements.Skip(before).Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);
        }

        public List<Activity> Activities(string? name = null) => _activities.Where(a => name is null || a.OperationName == name).ToList();

        private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            where T : struct
        {
            var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            _measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }

        public void Dispose()
        {
            _traces.Dispose();
            _meters.Dispose();
        }
    }
}
