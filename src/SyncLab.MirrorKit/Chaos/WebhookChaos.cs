using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Chaos;

/// <summary>
/// The chaos a mirror's webhook dispatcher asks about before each delivery attempt: duplicate, drop,
/// reorder within a window, delay (BEHAVIOUR.md, "seen in the field"). The dispatcher keeps its own
/// outbox, retries and ordering; this only decides, remembers what it held, and writes each decision
/// to the ledger as an effect, so a test sees why a delivery came twice, late or never.
/// </summary>
public sealed class WebhookChaos(TimeProvider clock, MirrorLedger ledger)
{
    private const int RememberReleased = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _held = new(StringComparer.Ordinal);
    private readonly HashSet<string> _released = new(StringComparer.Ordinal);
    private readonly Queue<string> _releasedOrder = new();
    private WebhookChaosSettings _settings = WebhookChaosSettings.Off;
    private Random _random = new(WebhookChaosSettings.Off.Seed);

    public WebhookChaosSettings Settings
    {
        get { lock (_gate) { return _settings; } }
    }

    /// <summary>Replaces the settings and starts the draws afresh; deliveries held so far are decided again.</summary>
    public void Configure(WebhookChaosSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _random = new Random(settings.Seed);
            _held.Clear();
            _released.Clear();
            _releasedOrder.Clear();
        }
    }

    /// <summary>
    /// Decides one attempt of the delivery <paramref name="key"/> (unique per delivery, stable across its
    /// retries). The first attempt may be held (extra delay plus a random part of the reorder window);
    /// asked again once the hold is over, the delivery goes on to the drop and duplicate draws.
    /// </summary>
    public ChaosVerdict Decide(string key, string? describe = null)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var settings = _settings;
            if (settings.IsOff)
            {
                return ChaosVerdict.Send;
            }
            var name = describe ?? key;
            if (_held.TryGetValue(key, out var until))
            {
                if (now < until)
                {
                    return new ChaosVerdict(until, false, 1);
                }
                _held.Remove(key);
                Remember(key);
            }
            else if (!_released.Contains(key) && (settings.ExtraDelay > TimeSpan.Zero || settings.ReorderWindow > TimeSpan.Zero))
            {
                var hold = settings.ExtraDelay + TimeSpan.FromTicks((long)(_random.NextDouble() * settings.ReorderWindow.Ticks));
                if (hold > TimeSpan.Zero)
                {
                    until = now + hold;
                    _held[key] = until;
                    ledger.RecordEffect($"chaos: webhook {name} held until {until:O}", "webhook-chaos");
                    return new ChaosVerdict(until, false, 1);
                }
                Remember(key);
            }
            if (settings.DropRate > 0 && _random.NextDouble() < settings.DropRate)
            {
                ledger.RecordEffect($"chaos: webhook {name} dropped", "webhook-chaos");
                return new ChaosVerdict(null, true, 0);
            }
            if (settings.DuplicateRate > 0 && _random.NextDouble() < settings.DuplicateRate)
            {
                ledger.RecordEffect($"chaos: webhook {name} sent twice", "webhook-chaos");
                return new ChaosVerdict(null, false, 2);
            }
            return ChaosVerdict.Send;
        }
    }

    private void Remember(string key)
    {
        if (_released.Add(key))
        {
            _releasedOrder.Enqueue(key);
            while (_releasedOrder.Count > RememberReleased)
            {
                _released.Remove(_releasedOrder.Dequeue());
            }
        }
    }
}
