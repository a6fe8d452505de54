using Reqnroll;

namespace SyncLab.Gherkin.Plugin;

/// <summary>Reqnroll reported the running scenario as inconclusive; the adapter counts that as a failure.</summary>
internal sealed class ScenarioInconclusiveException(string message) : ReqnrollException(message);
