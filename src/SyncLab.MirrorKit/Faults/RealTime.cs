namespace SyncLab.MirrorKit.Faults;

/// <summary>
/// Wall-clock time, injected apart from the business clock. Latency and hangs are felt by real HTTP
/// clients with real timeouts (HttpClient.Timeout, Polly), which know nothing of business time: a 2 s
/// delay on a frozen business clock would never end, and on a clock running x60 would be 33 ms. So
/// faults wait on this; tests may swap in a fake.
/// </summary>
public sealed record RealTime(TimeProvider Provider)
{
    public static RealTime System { get; } = new(TimeProvider.System);
}
