namespace SyncLab.Engine.Scheduling;

/// <summary>A job's schedule set through the engine API; it replaces the one in <see cref="EngineOptions.Schedules"/>.</summary>
public sealed class JobScheduleRecord
{
    public required string Job { get; set; }

    /// <summary>Null: the job is switched off.</summary>
    public string? Cron { get; set; }

    public string? TimeZone { get; set; }

    public long UpdatedAtTicks { get; set; }
}

/// <summary>One occurrence of a job that ran (exactly once: keyed by job and occurrence).</summary>
public sealed class ScheduledRunRecord
{
    public required string Job { get; set; }

    public long OccurrenceTicks { get; set; }

    public long RanAtTicks { get; set; }

    /// <summary>Later occurrences that passed while this one waited (engine down): folded into this run, not run again.</summary>
    public int Missed { get; set; }

    public string Summary { get; set; } = string.Empty;
}
