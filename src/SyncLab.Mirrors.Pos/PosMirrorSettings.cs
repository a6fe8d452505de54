namespace SyncLab.Mirrors.Pos;

/// <summary>How the Square mirror behaves where the vendor leaves room (see docs/mirrors/pos.md).</summary>
public sealed record PosMirrorSettings
{
    /// <summary>The access token callers must send as <c>Authorization: Bearer</c>; null accepts any non-empty token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Request budget; null (the default) never throttles. Square publishes no figures, so any value is a choice.</summary>
    public SquareRateLimit? RateLimit { get; init; }

    public PosWebhookSettings Webhooks { get; init; } = new();
}

/// <summary><paramref name="Permits"/> requests per <paramref name="Window"/> of business time, then 429 <c>RATE_LIMITED</c>.</summary>
public sealed record SquareRateLimit(int Permits, TimeSpan Window)
{
    /// <summary>A budget low enough to exercise a client's back-off; not a Square figure (Square publishes none).</summary>
    public static SquareRateLimit Strict { get; } = new(10, TimeSpan.FromSeconds(1));
}

public sealed record PosWebhookSettings
{
    /// <summary>Business-time waits before each retry of a failed delivery; after the last one the delivery is abandoned.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    /// <summary>Real-time limit for one delivery attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
