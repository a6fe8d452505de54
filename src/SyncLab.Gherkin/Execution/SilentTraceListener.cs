using Reqnroll.Tracing;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// A session's trace outside scenarios ("Loading plugin …", "Using reqnroll.json"): dropped, since a session's
/// caller (the CLI) prints one line per scenario. Scenario output still reaches each scenario's result.
/// </summary>
internal sealed class SilentTraceListener : IThreadSafeTraceListener
{
    public void WriteTestOutput(string message)
    {
    }

    public void WriteToolOutput(string message)
    {
    }
}
