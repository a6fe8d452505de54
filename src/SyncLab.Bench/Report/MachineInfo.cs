using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace SyncLab.Bench.Report;

/// <summary>What a reader needs to judge the figures: the machine, the runtime, the build, and how busy the machine was.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime, string Gc, string Build, string? LoadAverage)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.OSDescription,
        $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})",
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent"),
        IsOptimized(typeof(MachineInfo).Assembly) && IsOptimized(typeof(SyncLab.Mirrors.Erp.ErpMirror).Assembly)
            ? "Release"
            : "Debug (JIT optimizations off: figures are not representative, run with -c Release)",
        LoadAverageNow());

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), e.g. "1.10 3.75 7.24"; null elsewhere.</summary>
    public static string? LoadAverageNow()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return null;
        }
        var fields = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? string.Join(' ', fields[..3]) : null;
    }

    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    private static string? CpuModel()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
        {
            return null;
        }
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
