using System.Reflection;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Formatters.Configuration;
using Reqnroll.EnvironmentAccess;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using SyncLab.Gherkin.Reporting;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// Builds Reqnroll's global container for a run. It initializes <see cref="XunitAdapterPlugin"/> when no
/// unit test provider plugin did (so the binding assembly needs no attribute), and for a session adds the
/// binding assembly as a step assembly and points the HTML and message formatters at the session's report folder.
/// </summary>
internal sealed class AdapterContainerBuilder(SessionSettings? session) : ContainerBuilder
{
    protected override void LoadPlugins(
        IRuntimeConfigurationProvider configurationProvider,
        ObjectContainer container,
        RuntimePluginEvents runtimePluginEvents,
        ReqnrollConfiguration reqnrollConfiguration,
        UnitTestProviderConfiguration unitTestProviderConfigration,
        Assembly testAssembly)
    {
        if (session is not null)
        {
            // Before the plugins load: loading them already writes to the trace.
            container.RegisterTypeAs<SilentTraceListener, ITraceListener>();
        }

        base.LoadPlugins(configurationProvider, container, runtimePluginEvents, reqnrollConfiguration, unitTestProviderConfigration, testAssembly);

        if (unitTestProviderConfigration.UnitTestProvider is null)
        {
            new XunitAdapterPlugin().Initialize(runtimePluginEvents, new RuntimePluginParameters(), unitTestProviderConfigration);
        }

        if (session is null)
        {
            return;
        }

        runtimePluginEvents.ConfigurationDefaults += (_, e) => AddStepAssembly(e.ReqnrollConfiguration, session.BindingAssembly);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterInstanceAs<IBindingAssemblyLoader>(new KnownAssemblyLoader(session.BindingAssembly));
        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) => UseReportDirectory(e.ObjectContainer, session.ReportDirectory);
    }

    private static void AddStepAssembly(ReqnrollConfiguration configuration, Assembly bindingAssembly)
    {
        var name = bindingAssembly.GetName().Name;
        var listed = configuration.AdditionalStepAssemblies.Any(a => string.Equals(new AssemblyName(a).Name, name, StringComparison.OrdinalIgnoreCase));
        if (!listed)
        {
            configuration.AdditionalStepAssemblies.Add(bindingAssembly.FullName!);
        }
    }

    private static void UseReportDirectory(ObjectContainer container, string reportDirectory)
    {
        var configured = new FormattersConfigurationProvider(
            container.Resolve<IFileBasedConfigurationResolver>(),
            container.Resolve<IJsonEnvironmentConfigurationResolver>(),
            container.Resolve<IKeyValueEnvironmentConfigurationResolver>(),
            container.Resolve<IFormattersConfigurationDisableOverrideProvider>(),
            container.Resolve<IVariableSubstitutionService>());
        container.RegisterInstanceAs<IFormattersConfigurationProvider>(new ReportDirectoryFormattersConfiguration(
            configured,
            container.Resolve<IFormattersConfigurationDisableOverrideProvider>(),
            reportDirectory));
    }
}
