namespace SyncLab.Gherkin.Catalog;

/// <summary>Tags that keep a scenario from running, and the reason reported for it.</summary>
internal static class ScenarioSkipPolicy
{
    public const string ManualTag = "@manual";
    public const string IgnoreTag = "@ignore";

    public static string? SkipReason(IReadOnlyCollection<string> tags)
    {
        if (tags.Contains(ManualTag, StringComparer.OrdinalIgnoreCase))
        {
            return "Tagged @manual: this scenario is checked by hand, not automated.";
        }

        // Reqnroll's generator skips @ignore too; keep that meaning for features written for it.
        return tags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase) ? "Tagged @ignore." : null;
    }
}
