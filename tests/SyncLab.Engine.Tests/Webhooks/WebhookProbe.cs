using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Telemetry;
using SyncLab.Engine.Tests.Fulfilment;

namespace SyncLab.Engine.Tests.Webhooks;

/// <summary>
/// What the vendor webhook tests watch on a staging whose engine polls only every hour: how many polls of one source the
/// engine made (its telemetry, this engine's only), the engine's webhook log, and the mirrors' webhook chaos.
/// </summary>
internal sealed class WebhookProbe : IDisposable
{
    /// <summary>Far longer than any wait of these tests: a change that arrives promptly was brought by a webhook.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromHours(1);

    private readonly ActivityListener _listener;
    private readonly string _source;
    private int _polls;

    private WebhookProbe(BackFlowStaging staging, string source)
    {
        Staging = staging;
        _source = source;
        var instance = staging.Host.Engine.Telemetry.Instance;
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == EngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Stopped, not started: the engine tags a poll after it starts it.
            ActivityStopped = a =>
            {
                if (a.OperationName == "synclab.engine.poll" && (string?)a.GetTagItem(EngineTelemetry.InstanceTag) == instance && (string?)a.GetTagItem("synclab.source") == _source)
                {
                    Interlocked.Increment(ref _polls);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public BackFlowStaging Staging { get; }

    /// <summary>Polls of the source since the probe started.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>A quiescent staging polled only every <see cref="PollInterval"/>, counting the polls of <paramref name="source"/>.</summary>
    public static async Task<WebhookProbe> StartAsync(string source, bool subscribeAtStart = false)
    {
        var staging = await BackFlowStaging.StartAsync(configure: o => o with { PollInterval = PollInterval, EngineWebhooks = subscribeAtStart });
        return new WebhookProbe(staging, source);
    }

    public async Task<JsonNode> SubscribeAsync(string vendor)
    {
        using var response = await Staging.Http.PutAsJsonAsync(new Uri(Staging.Host.Addresses["engine"], $"engine/webhooks/{vendor}/subscriptions"), new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The engine's webhook log for one vendor, newest first: (topic, outcome).</summary>
    public async Task<List<(string Topic, string Outcome)>> ReceiptsAsync(string vendor)
    {
        var rows = await Staging.Http.GetFromJsonAsync<JsonArray>(new Uri(Staging.Host.Addresses["engine"], "engine/webhooks?limit=1000"));
        return [.. rows!.Where(r => (string?)r!["vendor"] == vendor).Select(r => ((string)r!["topic"]!, (string)r["outcome"]!))];
    }

    /// <summary>Waits (never for a set time) until the engine logged <paramref name="count"/> receipts of the vendor with the outcome.</summary>
    public async Task ReceivedAsync(string vendor, string outcome, int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await ReceiptsAsync(vendor)).Count(r => r.Outcome == outcome) < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, patience.Token);
        }
    }

    /// <summary>Waits until the mirror's ledger says webhook chaos dropped a delivery after <paramref name="mark"/>.</summary>
    public async Task DroppedAsync(string mirror, long mark)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await Pipeline.StagingOffice.EffectsAsync(Staging.Http, Staging.Host, mirror, mark)).Any(e => e.StartsWith("chaos: webhook", StringComparison.Ordinal) && e.Contains("dropped", StringComparison.Ordinal)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, patience.Token);
        }
    }

    /// <summary>The ERP mirror's notification delay: Business Central collects changes for 30 s before it notifies.</summary>
    public static readonly TimeSpan ErpCollecting = TimeSpan.FromSeconds(30);

    /// <summary>The office keys a price in the ERP and Business Central's 30 s of collecting pass (the next poll stays far off).</summary>
    public async Task KeyErpPriceAsync(string sku, decimal price)
    {
        await Pipeline.StagingOffice.SetErpPriceAsync(Staging.Http, Staging.Host, sku, price);
        Staging.Host.Clock.Advance(ErpCollecting);
    }

    /// <summary>A price keyed in the ERP reaches the storefront through Business Central's webhook, no poll being due.</summary>
    public async Task ErpPriceArrivesByWebhookAsync(string sku, decimal price)
    {
        var acted = (await ReceiptsAsync("businesscentral")).Count(r => r.Outcome == "poll");
        await KeyErpPriceAsync(sku, price);
        await ReceivedAsync("businesscentral", "poll", acted + 1);
        await Staging.QuiescentAsync();
        NoPollDue();
        Assert.Equal(price, await Pipeline.StagingHttp.StorefrontPriceAsync(Staging.Http, Staging.Host, sku));
    }

    /// <summary>"Sync now" (the engine's API), then quiescence: brings what is waiting without moving the clock.</summary>
    public async Task SyncNowAsync()
    {
        using (var response = await Staging.Http.PostAsync(new Uri(Staging.Host.Addresses["engine"], "engine/sync"), null))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        await Staging.QuiescentAsync();
    }

    public async Task ChaosAsync(string mirror, object settings)
    {
        using var response = await Staging.Http.PutAsJsonAsync(new Uri(Staging.Host.Addresses[mirror], "_synclab/webhook-chaos"), settings);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The engine has not polled on its schedule: only a webhook can have brought what arrived.</summary>
    public void NoPollDue() =>
        Assert.True(Staging.Host.Engine.NextPollAt > Staging.Host.Clock.GetUtcNow(), "the next scheduled poll is not due");

    public void Dispose() => _listener.Dispose();
}
