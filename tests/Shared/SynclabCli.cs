using System.Diagnostics;
using System.Reflection;

namespace SyncLab.Testing;

/// <summary>
/// The <c>synclab</c> CLI as a user runs it: the <c>synclab.dll</c> built with the test project (same configuration;
/// the project references the CLI for that), in its own process.
/// </summary>
public static class SynclabCli
{
    /// <summary>
    /// Starts the CLI. Through <c>env --default-signal=INT</c>: a process started from a background job inherits SIGINT
    /// ignored, and .NET then never sees it; the CLI must get SIGINT the way a terminal delivers it, wherever the test
    /// runner itself was started from. The CLI's own defaults apply, not whatever a developer's shell exports.
    /// </summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--default-signal=INT", DotnetHost(), Assembly(), .. args])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "SYNCLAB__SEED", "SYNCLAB__SKUS", "SYNCLAB__BIND", "SYNCLAB__STORE", "SYNCLAB__POSTGRES", "SYNCLAB__ADMIN_TOKEN" })
        {
            start.Environment.Remove(name);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the synclab CLI");
    }

    /// <summary>Reads standard output until a line contains <paramref name="marker"/>; the CLI ending first is an error naming what it printed.</summary>
    public static async Task<string> ReadUntilAsync(Process cli, string marker, CancellationToken ct)
    {
        var seen = new List<string>();
        while (await cli.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return line;
            }
            seen.Add(line);
        }
        throw new InvalidOperationException($"synclab ended (exit {(cli.HasExited ? cli.ExitCode : -1)}) before printing '{marker}': {string.Join(" | ", seen)} {await cli.StandardError.ReadToEndAsync(ct)}");
    }

    /// <summary>The dotnet that runs these tests; <c>dotnet</c> on the PATH otherwise.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary><c>src/SyncLab.Cli/bin/&lt;Configuration&gt;/net10.0/synclab.dll</c>.</summary>
    private static string Assembly()
    {
        var configuration = typeof(SynclabCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SyncLab.sln")))
        {
            root = root.Parent;
        }
        var dll = root is null ? "" : Path.Combine(root.FullName, "src", "SyncLab.Cli", "bin", configuration, "net10.0", "synclab.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"synclab.dll is missing ({dll}): build src/SyncLab.Cli -c {configuration}");
    }
}
