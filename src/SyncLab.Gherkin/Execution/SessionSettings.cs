using System.Reflection;

namespace SyncLab.Gherkin.Execution;

/// <summary>What a session adds to Reqnroll's configuration: the bindings to load and where reports go.</summary>
internal sealed record SessionSettings(Assembly BindingAssembly, string ReportDirectory);
