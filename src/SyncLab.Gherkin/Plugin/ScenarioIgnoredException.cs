using Reqnroll;

namespace SyncLab.Gherkin.Plugin;

/// <summary>Reqnroll asked to ignore (skip) the running scenario.</summary>
internal sealed class ScenarioIgnoredException(string message) : ReqnrollException(message);
