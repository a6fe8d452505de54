using SyncLab.MirrorKit.Storage;

namespace SyncLab.MirrorKit.Hosting;

public sealed record MirrorHostOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free one (tests), loopback by default.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>Token the admin API wants in <c>Authorization: Bearer</c>; null leaves it open on loopback only.</summary>
    public string? AdminToken { get; init; }

    public StoreOptions Store { get; init; } = StoreOptions.InMemory;

    /// <summary>Keeps the databases of several hosts in one process apart (InMemory and SQLite names).</summary>
    public string Instance { get; init; } = Guid.NewGuid().ToString("N");
}
