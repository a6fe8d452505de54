namespace SyncLab.Bench.Report;

/// <summary>Process memory at one moment: the managed heap after a full collection, and the working set.</summary>
public sealed record MemorySample(long GcHeapBytes, long WorkingSetBytes)
{
    public static MemorySample Take()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new MemorySample(heap, Environment.WorkingSet);
    }
}
