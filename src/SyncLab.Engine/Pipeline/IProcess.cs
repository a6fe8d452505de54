using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>One sync process (prices, inventory, ...): applies one captured change to its target.</summary>
public interface IProcess
{
    string Name { get; }

    /// <summary>Applies the change; returns a one-line summary of what changed ("" when nothing had to).</summary>
    Task<string> ApplyAsync(WorkItem item, CancellationToken ct);
}
