using Reqnroll.Analytics;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using SyncLab.Gherkin.Plugin;

namespace SyncLab.Gherkin;

/// <summary>
/// The Reqnroll runtime plugin of this adapter. Reqnroll resolves an <see cref="IUnitTestRuntimeProvider"/> by the
/// name a plugin declares; with none, every scenario fails on "IUnitTestRuntimeProvider('nunit')".
/// The adapter initializes this plugin itself when it creates Reqnroll's runtime, so declaring it in the binding
/// assembly with <c>[assembly: RuntimePlugin(typeof(SyncLab.Gherkin.XunitAdapterPlugin))]</c> is optional
/// (and harmless: it is only initialized once).
/// </summary>
public sealed class XunitAdapterPlugin : IRuntimePlugin
{
    /// <summary>The unit test provider name this plugin registers its runtime provider under.</summary>
    public const string UnitTestProviderName = "synclab-gherkin";

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        unitTestProviderConfiguration.UseUnitTestProvider(UnitTestProviderName);

        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<AdapterRuntimeProvider, IUnitTestRuntimeProvider>(UnitTestProviderName);
            // Telemetry stays off even when the environment variable was not set before Reqnroll started.
            e.ObjectContainer.RegisterTypeAs<TelemetryDisabled, IEnvironmentReqnrollTelemetryChecker>();
        };

        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            // Per test thread, so Reqnroll's step trace goes to the output of the scenario that produced it.
            e.ObjectContainer.RegisterTypeAs<ScenarioOutputTraceListener, ITraceListener>();
            // Each unit test provider plugin registers one; bindings' IReqnrollOutputHelper needs it.
            e.ObjectContainer.RegisterTypeAs<ReqnrollAttachmentHandler, IReqnrollAttachmentHandler>();
        };
    }
}
