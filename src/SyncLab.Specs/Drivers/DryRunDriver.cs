using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>The engine's dry run (<c>GET /engine/dry-run</c>): what a sync would change, read, never applied.</summary>
public sealed class DryRunDriver(StagingConnection staging)
{
    private JsonNode? _last;

    public async Task RunAsync(string process) =>
        _last = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, $"engine/dry-run?process={Uri.EscapeDataString(process)}&limit=1000"));

    /// <summary>The changes the last dry run announced for a SKU or a web order (by name).</summary>
    public IReadOnlyList<string> ChangesFor(string skuOrOrder) => Entries("changes", skuOrOrder, "to");

    /// <summary>The reasons the last dry run gave for leaving a SKU or a web order alone.</summary>
    public IReadOnlyList<string> SkipsFor(string skuOrOrder) => Entries("skipped", skuOrOrder, "reason");

    private List<string> Entries(string list, string skuOrOrder, string field) =>
        (_last ?? throw new InvalidOperationException("no dry run was asked for in this scenario"))[list]!.AsArray()
            .Where(e => (string?)e!["sku"] == skuOrOrder || (string?)e["order"] == skuOrOrder)
            .Select(e => (string)e![field]!).ToList();
}
