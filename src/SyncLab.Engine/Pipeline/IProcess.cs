using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Pipeline;

/// <summary>One sync process (prices, inventory, orders, ...): applies one captured change to its target.</summary>
public interface IProcess
{
    string Name { get; }

    /// <summary>Applies the change and says what happened; the engine records it in one transaction with the work item.</summary>
    Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct);

    /// <summary>
    /// Attempts before a transiently failing change is dead-lettered; null takes <see cref="EngineOptions.MaxAttempts"/>.
    /// Effective-dated work that must never be skipped asks for more.
    /// </summary>
    int? MaxAttempts => null;

    /// <summary>
    /// True when the process is keyed by SKU and looks up the item's storefront variant: the engine then reads the
    /// variants of a round's SKUs in bulk before the round (<see cref="Catalog.StorefrontCatalog.ReadAheadAsync"/>).
    /// </summary>
    bool ReadsStorefrontVariants => false;
}

/// <summary>
/// What applying a change did: a one-line summary ("" when nothing had to change) and the cross-references
/// it established. The references are written in the same transaction that marks the change done, so the
/// engine never forgets a document it created once the change counts as applied.
/// </summary>
public sealed record ProcessOutcome(string Summary, IReadOnlyList<IdMapping> References)
{
    /// <summary>
    /// Work this change hands on to a later process (an order in the ERP goes on to the warehouse), queued in
    /// the same transaction that marks this change applied: handed on exactly when it is done.
    /// </summary>
    public IReadOnlyList<CapturedChange> FollowUps { get; init; } = [];

    public static ProcessOutcome Nothing { get; } = new(string.Empty, []);

    public static ProcessOutcome Changed(string summary, params IdMapping[] references) => new(summary, references);
}
