namespace SyncLab.MirrorKit.Faults;

/// <summary>The mirror-wide fault settings: the seed every fault's random draws derive from, so runs repeat.</summary>
public sealed record FaultSettings(int Seed = 1);

/// <summary>A fault as the admin API lists it: its definition plus what it has done so far.</summary>
public sealed record FaultView(
    string Id,
    string Kind,
    string Method,
    string Path,
    double? Rate,
    int? Status,
    TimeSpan? Delay,
    TimeSpan? Jitter,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    int? Count,
    int? Remaining,
    TimeSpan? RetryAfter,
    int Seed,
    long Applied);

/// <summary>The answer a fault gives instead of the mirror (a hang gives none).</summary>
public sealed record FaultAnswer(string RuleId, FaultKind Kind, int Status, TimeSpan? RetryAfter);

/// <summary>What to do to one call: wait this long (real time), then answer with <see cref="Answer"/> or let the call through.</summary>
public sealed record FaultPlan(TimeSpan Delay, IReadOnlyList<string> DelayedBy, FaultAnswer? Answer)
{
    public static FaultPlan None { get; } = new(TimeSpan.Zero, [], null);

    public bool IsEmpty => Delay <= TimeSpan.Zero && Answer is null;
}

/// <summary>
/// The faults set on one mirror (or one foreign service), and the decision for each call. Each fault
/// draws from its own <see cref="Random"/>, seeded from its <c>seed</c> or from the mirror's seed and its
/// id, and draws once for every call its route matches, whatever other faults do: so the pattern a
/// fault makes depends only on the calls it sees, and the same calls give the same pattern.
/// </summary>
public sealed class FaultBook(FaultSettings settings, TimeProvider businessClock)
{
    private readonly Lock _gate = new();
    private readonly List<ActiveFault> _faults = [];
    private int _generated;

    /// <summary>Adds a fault, or replaces the one with the same id (its draws and counts start afresh).</summary>
    public FaultView Put(FaultRule rule)
    {
        lock (_gate)
        {
            var id = rule.Id.Length > 0 ? rule.Id : NextIdLocked();
            var seed = rule.Seed ?? StableSeed(settings.Seed, id);
            var active = new ActiveFault(rule with { Id = id }, new Random(seed), seed);
            var index = _faults.FindIndex(f => f.Rule.Id == id);
            if (index >= 0)
            {
                _faults[index] = active;
            }
            else
            {
                _faults.Add(active);
            }
            return active.View();
        }
    }

    public IReadOnlyList<FaultView> List()
    {
        lock (_gate)
        {
            return _faults.Select(f => f.View()).ToList();
        }
    }

    public FaultView? Find(string id)
    {
        lock (_gate)
        {
            return _faults.FirstOrDefault(f => f.Rule.Id == id)?.View();
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _faults.RemoveAll(f => f.Rule.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _generated = 0;
        }
    }

    /// <summary>
    /// Decides one call. Latency from every matching latency fault adds up; of the faults that answer,
    /// a maintenance window wins over a throttle burst, a burst over a hang, a hang over an error, an error over a lost
    /// answer (which lets the call through).
    /// </summary>
    public FaultPlan Decide(string method, string path)
    {
        var now = businessClock.GetUtcNow();
        lock (_gate)
        {
            if (_faults.Count == 0)
            {
                return FaultPlan.None;
            }
            var delay = TimeSpan.Zero;
            List<string>? delayedBy = null;
            ActiveFault? maintenance = null, throttle = null, hang = null, error = null, lost = null;
            foreach (var fault in _faults)
            {
                var rule = fault.Rule;
                if (!rule.Route.Matches(method, path))
                {
                    continue;
                }
                switch (rule.Kind)
                {
                    case FaultKind.Latency:
                        var hit = fault.Draw();
                        var jitter = TimeSpan.FromTicks((long)(fault.Random.NextDouble() * rule.Jitter.Ticks));
                        if (hit)
                        {
                            delay += rule.Delay + jitter;
                            (delayedBy ??= []).Add(rule.Id);
                            fault.Applied++;
                        }
                        break;
                    case FaultKind.Maintenance when now >= rule.From && now < rule.Until:
                        maintenance ??= fault;
                        break;
                    case FaultKind.Throttle when fault.Remaining > 0:
                        throttle ??= fault;
                        break;
                    case FaultKind.Hang:
                        if (fault.Draw())
                        {
                            hang ??= fault;
                        }
                        break;
                    case FaultKind.Error:
                        if (fault.Draw())
                        {
                            error ??= fault;
                        }
                        break;
                    case FaultKind.LostAnswer:
                        if (fault.Draw() && fault.Remaining > 0)
                        {
                            lost ??= fault;
                        }
                        break;
                    default:
                        break;
                }
            }
            var chosen = maintenance ?? throttle ?? hang ?? error ?? lost;
            FaultAnswer? answer = null;
            if (chosen is not null)
            {
                chosen.Applied++;
                var rule = chosen.Rule;
                if (rule.Kind is FaultKind.Throttle or FaultKind.LostAnswer)
                {
                    chosen.Remaining--;
                }
                var retryAfter = rule.Kind switch
                {
                    FaultKind.Maintenance => rule.RetryAfter ?? rule.Until!.Value - now,
                    FaultKind.Throttle => rule.RetryAfter ?? TimeSpan.FromSeconds(1),
                    _ => rule.RetryAfter,
                };
                answer = new FaultAnswer(rule.Id, rule.Kind, rule.Kind == FaultKind.Hang ? 0 : rule.Status, retryAfter);
            }
            return delay <= TimeSpan.Zero && answer is null ? FaultPlan.None : new FaultPlan(delay, delayedBy ?? [], answer);
        }
    }

    private string NextIdLocked()
    {
        string id;
        do
        {
            id = $"fault-{++_generated}";
        }
        while (_faults.Any(f => f.Rule.Id == id));
        return id;
    }

    /// <summary>FNV-1a over the id, mixed with the mirror's seed: stable across processes, unlike string.GetHashCode.</summary>
    internal static int StableSeed(int seed, string id)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)seed;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 16777619u;
            }
            return (int)(hash & 0x7FFFFFFF);
        }
    }

    private sealed class ActiveFault(FaultRule rule, Random random, int seed)
    {
        public FaultRule Rule { get; } = rule;

        public Random Random { get; } = random;

        public int Remaining { get; set; } = rule.Count;

        public long Applied { get; set; }

        /// <summary>Always draws, even at rate 0 or 1, so the stream of draws follows the stream of calls.</summary>
        public bool Draw() => Random.NextDouble() < Rule.Rate;

        public FaultView View()
        {
            var kind = Rule.Kind;
            bool Is(params FaultKind[] kinds) => kinds.Contains(kind);
            return new FaultView(
                Rule.Id,
                FaultKinds.Name(kind),
                Rule.Route.Method ?? "*",
                Rule.Route.Pattern,
                Is(FaultKind.Error, FaultKind.Latency, FaultKind.Hang, FaultKind.LostAnswer) ? Rule.Rate : null,
                Is(FaultKind.Error, FaultKind.Maintenance, FaultKind.Throttle, FaultKind.LostAnswer) ? Rule.Status : null,
                Is(FaultKind.Latency) ? Rule.Delay : null,
                Is(FaultKind.Latency) ? Rule.Jitter : null,
                Rule.From,
                Rule.Until,
                Is(FaultKind.Throttle) || (kind == FaultKind.LostAnswer && Rule.Count != int.MaxValue) ? Rule.Count : null,
                Is(FaultKind.Throttle) || (kind == FaultKind.LostAnswer && Rule.Count != int.MaxValue) ? Remaining : null,
                Rule.RetryAfter,
                seed,
                Applied);
        }
    }
}
