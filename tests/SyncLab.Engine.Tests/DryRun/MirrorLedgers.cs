using SyncLab.Staging;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.DryRun;

/// <summary>What a mirror's ledger says happened: a mark now, and the effects (writes) after a mark.</summary>
internal static class MirrorLedgers
{
    public static async Task<long> MarkAsync(HttpClient http, StagingHost host, string system = "storefront")
    {
        var entries = (await GetAsync(http, new Uri(host.Addresses[system], "_synclab/ledger?limit=10000")))!.AsArray();
        return entries.Count == 0 ? 0 : (long)entries[^1]!["sequence"]!;
    }

    public static async Task<List<string>> EffectsAfterAsync(HttpClient http, StagingHost host, long after, string system = "storefront")
    {
        var entries = (await GetAsync(http, new Uri(host.Addresses[system], $"_synclab/ledger?after={after}")))!.AsArray();
        return entries.Where(e => (string?)e!["kind"] == "effect").Select(e => (string)e!["summary"]!).ToList();
    }
}
