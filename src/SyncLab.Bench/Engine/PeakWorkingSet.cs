namespace SyncLab.Bench.Engine;

/// <summary>The process's peak resident set (Linux <c>VmHWM</c>), which can be reset so a case's peak excludes its set-up.</summary>
internal static class PeakWorkingSet
{
    /// <summary>Starts the peak again from the current resident set (writes 5 to <c>/proc/self/clear_refs</c>); false where not supported.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Bytes; the working set now where the peak cannot be read.</summary>
    public static long Read()
    {
        const string path = "/proc/self/status";
        if (File.Exists(path))
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
            if (long.TryParse(kib, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value * 1024;
            }
        }
        return Environment.WorkingSet;
    }
}
