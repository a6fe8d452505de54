using System.Reflection;

namespace SyncLab.Gherkin.Xunit;

/// <summary>
/// Says which features a <see cref="GherkinScenarioTests"/> class runs and against which step bindings:
/// the <c>.feature</c> files embedded in the test assembly whose logical name starts with
/// <see cref="ResourcePrefix"/>, bound by the assembly named <see cref="BindingAssembly"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GherkinFeaturesAttribute(string resourcePrefix) : Attribute
{
    /// <summary>The start of the embedded resources' logical names, e.g. "specs/".</summary>
    public string ResourcePrefix { get; } = resourcePrefix;

    /// <summary>
    /// The simple name of the assembly holding the step bindings, e.g. "SyncLab.Specs". Reqnroll treats it as the
    /// test assembly (its hooks, its runtime plugins). Unset: the test assembly itself holds the bindings.
    /// </summary>
    public string? BindingAssembly { get; set; }

    internal static GherkinFeaturesAttribute Of(Type testClass) =>
        testClass.GetCustomAttribute<GherkinFeaturesAttribute>()
        ?? throw new InvalidOperationException(
            $"{testClass.FullName} derives from {nameof(GherkinScenarioTests)} but has no [{nameof(GherkinFeaturesAttribute)}] saying which features to run.");

    internal Assembly ResolveBindingAssembly(Assembly testAssembly) =>
        BindingAssembly is null ? testAssembly : Assembly.Load(new AssemblyName(BindingAssembly));
}
