using System.Reflection;
using Reqnroll.Infrastructure;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// Reqnroll loads step assemblies by name; hand it the very assembly instance the caller gave us,
/// so a binding assembly loaded from an unusual place is not loaded a second time.
/// </summary>
internal sealed class KnownAssemblyLoader(Assembly known) : IBindingAssemblyLoader
{
    public Assembly Load(string assemblyName) =>
        string.Equals(new AssemblyName(assemblyName).Name, known.GetName().Name, StringComparison.OrdinalIgnoreCase)
            ? known
            : Assembly.Load(assemblyName);
}
