using System.Text;

namespace SyncLab.Gherkin.Execution;

/// <summary>
/// The text a scenario produced (Reqnroll's step trace and what bindings write), kept for the result and
/// forwarded as it comes, e.g. to xUnit's test output.
/// </summary>
internal sealed class ScenarioOutput(Action<string>? forward)
{
    private readonly StringBuilder _captured = new();
    private readonly Lock _lock = new();

    public string Captured
    {
        get
        {
            lock (_lock)
            {
                return _captured.ToString();
            }
        }
    }

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            _captured.AppendLine(line);
        }

        forward?.Invoke(line);
    }
}
