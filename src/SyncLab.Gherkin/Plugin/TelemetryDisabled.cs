using Reqnroll.Analytics;

namespace SyncLab.Gherkin.Plugin;

/// <summary>Reqnroll sends usage telemetry unless told not to; this project never sends it.</summary>
internal sealed class TelemetryDisabled : IEnvironmentReqnrollTelemetryChecker
{
    public bool IsReqnrollTelemetryEnabled() => false;
}
