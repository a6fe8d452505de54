using System.Diagnostics;
using System.Text.Json.Nodes;
using SyncLab.Testing;

namespace SyncLab.Engine.Tests.Distribution;

/// <summary>
/// One <c>synclab engine --config</c> process, as a merchant runs it. Its output is drained as it comes (an engine
/// logs every item; a full pipe would stall it) and the last lines are kept for failure messages.
/// </summary>
internal sealed class EngineNode : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ordersToErp;

    private EngineNode(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Seen(e.Data);
        _process.ErrorDataReceived += (_, e) => Seen(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"engine {Name} exited ({_process.ExitCode}) before it listened: {Tail}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Web orders this node has put into the ERP, as its log says ("orders: order #N -> ERP sales order ...").</summary>
    public int OrdersToErp => Volatile.Read(ref _ordersToErp);

    public Uri Address { get; private set; } = null!;

    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join(" | ", _tail);
            }
        }
    }

    /// <summary>Writes <paramref name="config"/> next to the other files of the run and starts an engine on it.</summary>
    public static async Task<EngineNode> StartAsync(string name, string directory, JsonObject config, CancellationToken ct)
    {
        var path = Path.Combine(directory, $"engine-{name}.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(), ct);
        var node = new EngineNode(name, SynclabCli.Start("engine", "--config", path));
        node.Address = await node._listening.Task.WaitAsync(ct);
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the broker or the database.</summary>
    public void KillNine()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillNine();
        }
        _process.Dispose();
    }

    private void Seen(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
        if (line.Contains("] orders: order #", StringComparison.Ordinal) && line.Contains("-> ERP sales order", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _ordersToErp);
        }
        const string marker = "engine listens on ";
        if (line.StartsWith(marker, StringComparison.Ordinal))
        {
            _listening.TrySetResult(new Uri(line[marker.Length..line.IndexOf(';', StringComparison.Ordinal)]));
        }
    }
}
