namespace SyncLab.Engine.Distribution;

/// <summary>
/// Several engine nodes sharing one estate's work (<see cref="EngineOptions.Distribution"/>): state in PostgreSQL,
/// work handed out through RabbitMQ. Keys are hashed to <see cref="Shards"/> quorum queues, each with a single
/// active consumer, so one key's changes are worked by one node at a time, in order; when that node dies the broker
/// hands its shards to another. Polling and dispatching are done by one node, the holder of a PostgreSQL advisory
/// lock, which another takes over when the holder's connection dies.
/// </summary>
public sealed record DistributionOptions
{
    /// <summary>The broker, e.g. <c>amqp://user:password@rabbit:5672/</c>.</summary>
    public required Uri RabbitMq { get; init; }

    /// <summary>How many shard queues; every node of an estate must use the same number.</summary>
    public int Shards { get; init; } = 16;

    /// <summary>Names the estate's queues and lock, so two estates can share a broker and a database server.</summary>
    public string Estate { get; init; } = "synclab";

    /// <summary>This node's name (logs, the broker's connection name).</summary>
    public string Node { get; init; } = "node";

    /// <summary>
    /// Which of <see cref="NodeCount"/> nodes this is (0-based): it consumes the shards <c>i % NodeCount == NodeIndex</c>
    /// at once, and each of the others as a standby once the node that prefers it has registered there (or after
    /// <see cref="StandbyAfter"/> without it). Every node consumes every shard, so whichever nodes survive work all of
    /// them; the broker makes the first registered consumer of a shard its active one.
    /// </summary>
    public int NodeIndex { get; init; }

    public int NodeCount { get; init; } = 1;

    /// <summary>How long (real time) a node waits for the preferred node of a shard before it works that shard itself.</summary>
    public TimeSpan StandbyAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages the broker sends a shard's consumer ahead of its acknowledgements (worked one at a time, in order).</summary>
    public ushort Prefetch { get; init; } = 32;

    /// <summary>
    /// A dispatched item still pending after this long (business time) is handed out again: its message was lost.
    /// A second message for an item is harmless: it is worked only while pending.
    /// </summary>
    public TimeSpan Redispatch { get; init; } = TimeSpan.FromMinutes(5);

    public string QueueName(int shard) => $"{Estate}.work.{shard}";

    public string NudgeExchange => $"{Estate}.nudge";

    /// <summary>A key's shard: FNV-1a of its UTF-16 code units, stable across processes and machines (string.GetHashCode is not).</summary>
    public int ShardOf(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)Shards);
    }

    public bool Prefers(int shard) => shard % Math.Max(1, NodeCount) == NodeIndex;
}
