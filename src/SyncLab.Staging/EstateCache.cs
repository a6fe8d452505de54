using System.Collections.Concurrent;
using SyncLab.Estate;

namespace SyncLab.Staging;

/// <summary>
/// One generated estate per (seed, size) in a process: generation is pure and its result immutable (records
/// and read-only lists), so every staging and scenario driver of the same seed can share it.
/// </summary>
public static class EstateCache
{
    private static readonly ConcurrentDictionary<(int Seed, int Skus), Lazy<BusinessEstate>> Estates = new();

    public static BusinessEstate Get(int seed, int skus) =>
        Estates.GetOrAdd((seed, skus), key => new Lazy<BusinessEstate>(() => EstateGenerator.Generate(new EstateOptions { Seed = key.Seed, Skus = key.Skus }))).Value;
}
