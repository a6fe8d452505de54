namespace SyncLab.Engine.Pipeline;

/// <summary>Where changes come from: one source system's entity, polled from a cursor when a poll is due.</summary>
public interface IChangeSource
{
    /// <summary>Checkpoint name, e.g. "erp.items".</summary>
    string Name { get; }

    /// <summary>Captures every change since the source's cursor; returns how many work items were queued.</summary>
    Task<int> PollAsync(CancellationToken ct);
}
