namespace SyncLab.Bench.Load;

/// <summary>How hard and how long each case is driven: closed loop, <see cref="Workers"/> requests in flight.</summary>
public sealed record LoadOptions
{
    public int Workers { get; init; } = 16;

    /// <summary>
    /// Sent and thrown away before measuring: JIT, connection set-up, caches. Two seconds because on the loaded
    /// 2-core machine WireMock.Net's 500-mapping matcher was still on slower JIT tiers after one (3-6× fewer req/s).
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Seeds each worker's dice (worker i uses Seed + i), so the same run sends the same requests.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>A request not answered within this counts as an error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
