namespace SyncLab.Engine.Storage;

/// <summary>
/// An engine component that keeps in memory what it also keeps in the engine's store (the inventory settings in force,
/// the stocktakes under way): the engine loads it from the store at every start, after the schema is migrated — so a
/// restart finds it again, and an engine reset (which empties the store) finds it empty. It is also an
/// <see cref="Pipeline.IEngineCache"/>, registered as one (<c>AddEngineCache</c>).
/// </summary>
public interface IStoredState
{
    Task LoadAsync(EngineDb db, CancellationToken ct);
}
