using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using SyncLab.Gherkin.Execution;

namespace SyncLab.Gherkin.Plugin;

/// <summary>
/// Sends Reqnroll's trace (steps, bindings' output helper) to the output of the scenario being run, found in the
/// scenario's container; outside a scenario it falls back to Reqnroll's own queued listener.
/// </summary>
internal sealed class ScenarioOutputTraceListener(ITraceListenerQueue traceListenerQueue, IObjectContainer container)
    : AsyncTraceListener(traceListenerQueue, container)
{
    private readonly Lazy<IContextManager> _contextManager = new(container.Resolve<IContextManager>);

    public override void WriteTestOutput(string message)
    {
        if (CurrentOutput() is { } output)
        {
            output.WriteLine(message);
        }
        else
        {
            base.WriteTestOutput(message);
        }
    }

    public override void WriteToolOutput(string message)
    {
        if (CurrentOutput() is { } output)
        {
            output.WriteLine("-> " + message);
        }
        else
        {
            base.WriteToolOutput(message);
        }
    }

    private ScenarioOutput? CurrentOutput()
    {
        var container = _contextManager.Value.ScenarioContext?.ScenarioContainer;
        return container is not null && container.IsRegistered<ScenarioOutput>() ? container.Resolve<ScenarioOutput>() : null;
    }
}
