namespace SyncLab.Engine.Reconciliation;

/// <summary>What one reconciliation run found and healed (one row per occurrence of the job).</summary>
public sealed class ReconciliationRunRecord
{
    public long Id { get; set; }

    public long OccurrenceTicks { get; set; }

    public long RanAtTicks { get; set; }

    public int ItemsChecked { get; set; }

    public int Healed { get; set; }

    public int Unhealed { get; set; }

    /// <summary>The findings as JSON (<see cref="Finding"/>[]).</summary>
    public string Findings { get; set; } = "[]";
}
