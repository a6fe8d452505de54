using System.Text.Json.Serialization;

namespace SyncLab.MirrorKit.Chaos;

/// <summary>
/// What webhook chaos does to a mirror's outgoing deliveries (all off by default). Rates are fractions
/// of deliveries, 0 to 1; durations are business time, so a frozen clock holds deliveries back and
/// advancing it lets them go. See docs/faults.md.
/// </summary>
public sealed record WebhookChaosSettings
{
    public static WebhookChaosSettings Off { get; } = new();

    /// <summary>Fraction of delivery attempts sent twice (same payload, same ids: what a receiver de-duplicates on).</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Fraction of delivery attempts never sent, while the mirror records them as delivered.</summary>
    public double DropRate { get; init; }

    /// <summary>Each delivery is held for a random time within this window before its first attempt, so a burst arrives shuffled.</summary>
    public TimeSpan ReorderWindow { get; init; }

    /// <summary>Each delivery is held this much longer before its first attempt (a late webhook).</summary>
    public TimeSpan ExtraDelay { get; init; }

    /// <summary>Seeds the draws, so the same deliveries meet the same fate on every run.</summary>
    public int Seed { get; init; } = 1;

    [JsonIgnore]
    public bool IsOff => DuplicateRate <= 0 && DropRate <= 0 && ReorderWindow <= TimeSpan.Zero && ExtraDelay <= TimeSpan.Zero;

    /// <summary>Everything wrong with these settings, by field (empty when they are fine).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (double.IsNaN(DuplicateRate) || DuplicateRate is < 0 or > 1)
        {
            errors["duplicateRate"] = ["duplicateRate is a fraction of deliveries, from 0 to 1."];
        }
        if (double.IsNaN(DropRate) || DropRate is < 0 or > 1)
        {
            errors["dropRate"] = ["dropRate is a fraction of deliveries, from 0 to 1."];
        }
        if (ReorderWindow < TimeSpan.Zero || ReorderWindow > TimeSpan.FromDays(7))
        {
            errors["reorderWindow"] = ["reorderWindow must be between 0 and 7 days of business time."];
        }
        if (ExtraDelay < TimeSpan.Zero || ExtraDelay > TimeSpan.FromDays(7))
        {
            errors["extraDelay"] = ["extraDelay must be between 0 and 7 days of business time."];
        }
        return errors;
    }
}
