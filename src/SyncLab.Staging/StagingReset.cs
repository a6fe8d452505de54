namespace SyncLab.Staging;

/// <summary>What a staging reset did: the business time it starts again from and the parts it reset.</summary>
public sealed record StagingReset(DateTimeOffset Clock, IReadOnlyList<string> Parts);
