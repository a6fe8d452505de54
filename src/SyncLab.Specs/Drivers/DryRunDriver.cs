using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>The engine's dry run (<c>GET /engine/dry-run</c>): what a sync would change, read, never applied.</summary>
public sealed class DryRunDriver(StagingConnection staging)
{
    private JsonNode? _last;

    /// <param name="at">For prices: the instant to plan for (a price list ahead); null: now on the business clock.</param>
    public async Task RunAsync(string process, DateTimeOffset? at = null)
    {
        var instant = at is { } a ? $"&at={Uri.EscapeDataString(a.ToString("O", CultureInfo.InvariantCulture))}" : string.Empty;
        _last = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, $"engine/dry-run?process={Uri.EscapeDataString(process)}&limit=1000{instant}"));
    }

    /// <summary>The storefront price the last dry run announced for a SKU, and the price list that decides it (null: the item card); null when no change.</summary>
    public (string To, string? List)? PriceFor(string sku) =>
        Last["changes"]!.AsArray().FirstOrDefault(c => (string?)c!["sku"] == sku && (string?)c["process"] == "prices") is { } change
            ? ((string)change["to"]!, (string?)change["source"]?["list"])
            : null;

    /// <summary>The changes the last dry run announced for a SKU or a web order (by name).</summary>
    public IReadOnlyList<string> ChangesFor(string skuOrOrder) => Entries("changes", skuOrOrder, "to");

    /// <summary>The reasons the last dry run gave for leaving a SKU or a web order alone.</summary>
    public IReadOnlyList<string> SkipsFor(string skuOrOrder) => Entries("skipped", skuOrOrder, "reason");

    private JsonNode Last => _last ?? throw new InvalidOperationException("no dry run was asked for in this scenario");

    private List<string> Entries(string list, string skuOrOrder, string field) =>
        Last[list]!.AsArray()
            .Where(e => (string?)e!["sku"] == skuOrOrder || (string?)e["order"] == skuOrOrder)
            .Select(e => (string)e![field]!).ToList();
}
