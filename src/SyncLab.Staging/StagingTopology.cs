namespace SyncLab.Staging;

/// <summary>What a running staging is made of: the estate it was seeded with and where each part listens.</summary>
public sealed record StagingTopology(int Seed, int Skus, TimeSpan PollInterval, IReadOnlyDictionary<string, string> Addresses);
