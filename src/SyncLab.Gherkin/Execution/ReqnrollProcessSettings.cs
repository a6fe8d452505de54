namespace SyncLab.Gherkin.Execution;

/// <summary>Process-wide settings that must be in place before Reqnroll's runtime starts.</summary>
internal static class ReqnrollProcessSettings
{
    private const string TelemetryVariable = "REQNROLL_TELEMETRY_ENABLED";

    /// <summary>
    /// Turns Reqnroll's telemetry off. The plugin also replaces the telemetry check, but this covers whatever reads
    /// the variable before the plugin is loaded.
    /// </summary>
    public static void Apply() => Environment.SetEnvironmentVariable(TelemetryVariable, "0");
}
