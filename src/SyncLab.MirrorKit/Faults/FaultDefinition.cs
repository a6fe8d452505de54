using System.Text.RegularExpressions;

namespace SyncLab.MirrorKit.Faults;

/// <summary>The kinds of fault a mirror can be told to inject (business faults stay with each mirror).</summary>
public enum FaultKind
{
    /// <summary>A fraction of calls answered with an error status in the vendor's shape.</summary>
    Error,

    /// <summary>A fixed delay plus random jitter before the call goes on, in real time.</summary>
    Latency,

    /// <summary>A fraction of calls never answered, until the client gives up.</summary>
    Hang,

    /// <summary>503 + Retry-After between two business-clock instants.</summary>
    Maintenance,

    /// <summary>The next N calls answered 429 + Retry-After (a burst of throttling).</summary>
    Throttle,

    /// <summary>
    /// The mirror does the work, but its answer never reaches the client: a gateway times out after the vendor committed
    /// (504 unless told otherwise). The fault every "create" must survive without creating twice.
    /// </summary>
    LostAnswer,
}

/// <summary>The kinds as the admin API spells them.</summary>
public static class FaultKinds
{
    public static string Name(FaultKind kind) => kind == FaultKind.LostAnswer ? "lost-answer" : kind.ToString().ToLowerInvariant();
}

/// <summary>
/// A fault as the admin API takes it (<c>PUT /_synclab/faults</c>). Which fields apply depends on
/// <see cref="Kind"/>; a field that does not apply is an error, so a typo cannot silently do nothing.
/// Durations are TimeSpan strings ("00:00:00.250"), instants ISO 8601.
/// </summary>
public sealed record FaultDefinition
{
    /// <summary>Names the fault for replacing or deleting it; generated ("fault-1", ...) when left out.</summary>
    public string? Id { get; init; }

    /// <summary>error, latency, hang, maintenance, throttle or lost-answer.</summary>
    public string? Kind { get; init; }

    /// <summary>GET, POST, ...; null or "*" for any.</summary>
    public string? Method { get; init; }

    /// <summary>Path template or glob (see <see cref="FaultRoute"/>); default "/**", every vendor route.</summary>
    public string? Path { get; init; }

    /// <summary>error, latency, hang, lost-answer: the fraction of matching calls hit, 0 to 1 (default 1).</summary>
    public double? Rate { get; init; }

    /// <summary>error (default 500), maintenance (default 503), throttle (default 429), lost-answer (default 504): the status answered.</summary>
    public int? Status { get; init; }

    /// <summary>latency: the fixed part of the delay.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>latency: up to this much more, uniformly drawn per call (default none).</summary>
    public TimeSpan? Jitter { get; init; }

    /// <summary>maintenance: the business instant the window opens.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>maintenance: the business instant the window closes (exclusive).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>throttle: how many of the next matching calls get the status; lost-answer: how many answers are lost at most (default: no limit).</summary>
    public int? Count { get; init; }

    /// <summary>error, maintenance, throttle: the Retry-After to send (maintenance default: until the window closes; throttle default: 1 s).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Seeds this fault's random draws; default derived from the mirror's fault seed and the id.</summary>
    public int? Seed { get; init; }
}

/// <summary>A validated fault, ready to be decided on.</summary>
public sealed record FaultRule(
    string Id,
    FaultKind Kind,
    FaultRoute Route,
    double Rate,
    int Status,
    TimeSpan Delay,
    TimeSpan Jitter,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    int Count,
    TimeSpan? RetryAfter,
    int? Seed);

/// <summary>Turns what the admin API received into a <see cref="FaultRule"/>, or says everything wrong with it.</summary>
public static partial class FaultValidation
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    public static bool TryValidate(FaultDefinition definition, out FaultRule? rule, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }
            list.Add(message);
        }

        rule = null;
        FaultKind? kind = definition.Kind?.Trim().ToLowerInvariant() switch
        {
            "error" => FaultKind.Error,
            "latency" => FaultKind.Latency,
            "hang" => FaultKind.Hang,
            "maintenance" => FaultKind.Maintenance,
            "throttle" => FaultKind.Throttle,
            "lost-answer" => FaultKind.LostAnswer,
            _ => null,
        };
        if (kind is null)
        {
            Fail("kind", $"kind must be one of error, latency, hang, maintenance, throttle, lost-answer (got '{definition.Kind}').");
        }
        if (definition.Id is { } id && !IdFormat().IsMatch(id))
        {
            Fail("id", "id must be 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (!FaultRoute.TryParse(definition.Method, definition.Path, out var route, out var routeError))
        {
            Fail(routeError!.StartsWith("method", StringComparison.Ordinal) ? "method" : "path", routeError);
        }
        if (definition.Rate is { } rate && (double.IsNaN(rate) || rate is < 0 or > 1))
        {
            Fail("rate", "rate is a fraction of calls, from 0 to 1.");
        }
        if (definition.Status is { } status && status is < 400 or > 599)
        {
            Fail("status", "status must be an error status, 400 to 599.");
        }
        CheckDuration(definition.Delay, "delay", Fail);
        CheckDuration(definition.Jitter, "jitter", Fail);
        if (definition.RetryAfter is { } retryAfter && (retryAfter < TimeSpan.Zero || retryAfter > TimeSpan.FromDays(1)))
        {
            Fail("retryAfter", "retryAfter must be between 0 and one day.");
        }
        if (definition.Count is < 1 or > 1_000_000)
        {
            Fail("count", "count must be between 1 and 1000000.");
        }

        if (kind is { } k)
        {
            CheckApplicable(definition, k, Fail);
            switch (k)
            {
                case FaultKind.Latency when definition.Delay is null:
                    Fail("delay", "a latency fault needs a delay, e.g. \"00:00:00.250\".");
                    break;
                case FaultKind.Maintenance when definition.From is null || definition.Until is null:
                    Fail("from", "a maintenance window needs both from and until (business-clock instants).");
                    break;
                case FaultKind.Maintenance when definition.From >= definition.Until:
                    Fail("until", "until must be after from.");
                    break;
                case FaultKind.Throttle when definition.Count is null:
                    Fail("count", "a throttle burst needs count: how many of the next calls get 429.");
                    break;
                default:
                    break;
            }
        }

        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return false;
        }
        var chosen = kind!.Value;
        rule = new FaultRule(
            definition.Id ?? string.Empty,
            chosen,
            route,
            definition.Rate ?? 1,
            definition.Status ?? chosen switch { FaultKind.Maintenance => 503, FaultKind.Throttle => 429, FaultKind.LostAnswer => 504, _ => 500 },
            definition.Delay ?? TimeSpan.Zero,
            definition.Jitter ?? TimeSpan.Zero,
            definition.From,
            definition.Until,
            definition.Count ?? (chosen == FaultKind.LostAnswer ? int.MaxValue : 0),
            definition.RetryAfter,
            definition.Seed);
        return true;
    }

    private static void CheckDuration(TimeSpan? value, string field, Action<string, string> fail)
    {
        if (value is { } v && (v < TimeSpan.Zero || v > MaxDelay))
        {
            fail(field, $"{field} must be between 0 and {MaxDelay}; for a call that never answers use kind 'hang'.");
        }
    }

    /// <summary>Fields given for a kind they do not apply to: reported, so that a mistake is seen at once.</summary>
    private static void CheckApplicable(FaultDefinition d, FaultKind kind, Action<string, string> fail)
    {
        var given = new (string Field, bool Present, FaultKind[] Kinds)[]
        {
            ("rate", d.Rate is not null, [FaultKind.Error, FaultKind.Latency, FaultKind.Hang, FaultKind.LostAnswer]),
            ("status", d.Status is not null, [FaultKind.Error, FaultKind.Maintenance, FaultKind.Throttle, FaultKind.LostAnswer]),
            ("delay", d.Delay is not null, [FaultKind.Latency]),
            ("jitter", d.Jitter is not null, [FaultKind.Latency]),
            ("from", d.From is not null, [FaultKind.Maintenance]),
            ("until", d.Until is not null, [FaultKind.Maintenance]),
            ("count", d.Count is not null, [FaultKind.Throttle, FaultKind.LostAnswer]),
            ("retryAfter", d.RetryAfter is not null, [FaultKind.Error, FaultKind.Maintenance, FaultKind.Throttle]),
        };
        foreach (var (field, present, kinds) in given)
        {
            if (present && !kinds.Contains(kind))
            {
                fail(field, $"{field} does not apply to a {FaultKinds.Name(kind)} fault.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdFormat();
}
