using Microsoft.EntityFrameworkCore;

namespace SyncLab.Engine.Storage;

/// <summary>The engine's durable state. Instants are stored as UTC ticks so every provider can compare them.</summary>
public sealed class EngineDb(DbContextOptions<EngineDb> options) : DbContext(options)
{
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<AppliedVersion> AppliedVersions => Set<AppliedVersion>();

    public DbSet<IdMapping> IdMappings => Set<IdMapping>();

    public DbSet<DataError> DataErrors => Set<DataError>();

    public DbSet<Scheduling.JobScheduleRecord> JobSchedules => Set<Scheduling.JobScheduleRecord>();

    public DbSet<Scheduling.ScheduledRunRecord> ScheduledRuns => Set<Scheduling.ScheduledRunRecord>();

    public DbSet<Reconciliation.ReconciliationRunRecord> ReconciliationRuns => Set<Reconciliation.ReconciliationRunRecord>();

    public DbSet<HeldChange> HeldChanges => Set<HeldChange>();

    public DbSet<Inventory.InventorySettingsRecord> InventorySettings => Set<Inventory.InventorySettingsRecord>();

    public DbSet<Inventory.StocktakeRecord> Stocktakes => Set<Inventory.StocktakeRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Checkpoint>().HasKey(c => c.Source);
        modelBuilder.Entity<WorkItem>(w =>
        {
            w.HasKey(x => x.Id);
            // A change captured twice (poll overlap, webhook + poll) is queued once.
            w.HasIndex(x => new { x.Process, x.Key, x.Version }).IsUnique();
            w.HasIndex(x => new { x.State, x.DueAtTicks });
            // What is queued for a set of keys, whatever the process (WorkQueue.EnqueueAsync): without it, a look per chunk
            // of a full sync walks the whole queue.
            w.HasIndex(x => x.Key);
        });
        modelBuilder.Entity<AppliedVersion>(a =>
        {
            a.HasKey(x => new { x.Process, x.Key });
            // The applied versions of a round's keys, whatever the process (RoundFacts, WorkQueue.EnqueueAsync).
            a.HasIndex(x => x.Key);
        });
        modelBuilder.Entity<IdMapping>().HasKey(m => new { m.System, m.Kind, m.Key });
        modelBuilder.Entity<DataError>(d =>
        {
            d.HasKey(x => x.Id);
            d.HasIndex(x => new { x.Process, x.Key });
        });
        modelBuilder.Entity<Scheduling.JobScheduleRecord>().HasKey(s => s.Job);
        modelBuilder.Entity<Scheduling.ScheduledRunRecord>().HasKey(r => new { r.Job, r.OccurrenceTicks });
        modelBuilder.Entity<Reconciliation.ReconciliationRunRecord>(r =>
        {
            r.HasKey(x => x.Id);
            r.HasIndex(x => x.OccurrenceTicks).IsUnique();
        });

        modelBuilder.Entity<HeldChange>().HasKey(h => new { h.Process, h.Key });
        // One row: the settings in force when the office changed them at run time.
        modelBuilder.Entity<Inventory.InventorySettingsRecord>(s =>
        {
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Inventory.StocktakeRecord>().HasKey(s => s.Warehouse);
    }
}

public sealed class Checkpoint
{
    public required string Source { get; set; }

    public long CursorTicks { get; set; }
}

public enum WorkState
{
    Pending = 0,
    Done = 1,
    Failed = 2,
    DeadLettered = 3,
    Stale = 4,
}

/// <summary>One captured change for one process and key: the durable work queue.</summary>
public sealed class WorkItem
{
    public long Id { get; set; }

    public required string Process { get; set; }

    public required string Key { get; set; }

    /// <summary>Source version (sortable): changes older than the applied one are dropped.</summary>
    public required string Version { get; set; }

    /// <summary>The full state of the entity at that version (JSON), so the handler needs no re-read.</summary>
    public required string Payload { get; set; }

    public WorkState State { get; set; }

    public int Attempts { get; set; }

    public long DueAtTicks { get; set; }

    public long CapturedAtTicks { get; set; }

    public string? LastError { get; set; }

    /// <summary>Distributed engines only: when the leader handed it to the broker (0: not handed out).</summary>
    public long DispatchedAtTicks { get; set; }
}

public sealed class AppliedVersion
{
    public required string Process { get; set; }

    public required string Key { get; set; }

    public required string Version { get; set; }
}

/// <summary>Cross-reference of one entity between systems (e.g. a SKU to its storefront variant).</summary>
public sealed class IdMapping
{
    public required string System { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public required string TargetId { get; set; }

    public string? Extra { get; set; }
}

/// <summary>A record that could not be synced as it stands: the data must change, retrying will not help.</summary>
public sealed class DataError
{
    public long Id { get; set; }

    public required string Process { get; set; }

    public required string Key { get; set; }

    public required string Version { get; set; }

    public required string Message { get; set; }

    public long AtTicks { get; set; }
}

/// <summary>
/// A change the target refused for now (the ERP's books closed for its day): still pending in the queue, looked at
/// again on the business clock, removed when the key applies. One row per key: the latest reason.
/// </summary>
public sealed class HeldChange
{
    public required string Process { get; set; }

    public required string Key { get; set; }

    public required string Version { get; set; }

    public required string Reason { get; set; }

    public long SinceTicks { get; set; }

    /// <summary>How many times the target has refused it so far.</summary>
    public int Checks { get; set; }
}
