using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>What the office does in the ERP of a staging (its business actions), and what a mirror's ledger and the engine's data errors say, insisting on success.</summary>
internal static class StagingOffice
{
    public static Task CreateErpItemAsync(HttpClient http, StagingHost host, string number, object card)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(card, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
        body["number"] = number;
        return SendAsync(http, HttpMethod.Post, Erp(host, "items"), body);
    }

    public static Task PatchErpItemAsync(HttpClient http, StagingHost host, string number, object change) =>
        SendAsync(http, HttpMethod.Patch, Erp(host, $"items/{number}"), change);

    public static Task SetErpPriceAsync(HttpClient http, StagingHost host, string number, decimal price) =>
        SendAsync(http, HttpMethod.Post, Erp(host, $"items/{number}/price"), new { unitPrice = price });

    /// <summary>Books the difference to <paramref name="total"/> at the warehouse.</summary>
    public static async Task SetErpStockAsync(HttpClient http, StagingHost host, string number, int total)
    {
        var card = await http.GetFromJsonAsync<JsonObject>(Erp(host, $"items/{number}"));
        var current = (int)decimal.Parse(card!["inventory"]!.ToString(), CultureInfo.InvariantCulture);
        var warehouse = host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code;
        await SendAsync(http, HttpMethod.Post, Erp(host, $"items/{number}/stock-adjustments"), new { locationCode = warehouse, quantity = total - current, reason = "test" });
    }

    public static async Task<List<string>> DataErrorsAsync(HttpClient http, StagingHost host, string key)
    {
        var rows = await http.GetFromJsonAsync<JsonArray>(new Uri(host.Addresses["engine"], $"engine/data-errors?key={key}"));
        return [.. rows!.Select(r => (string)r!["message"]!)];
    }

    /// <summary>The sequence of a mirror's last ledger entry: what came after it is what a test did.</summary>
    public static async Task<long> LedgerMarkAsync(HttpClient http, StagingHost host, string mirror)
    {
        var entries = await LedgerAsync(http, host, mirror, 0);
        return entries.Count == 0 ? 0 : (long)entries[^1]["sequence"]!;
    }

    public static async Task<List<JsonNode>> LedgerAsync(HttpClient http, StagingHost host, string mirror, long after) =>
        [.. (await http.GetFromJsonAsync<JsonArray>(new Uri(host.Addresses[mirror], $"_synclab/ledger?after={after}&limit=10000")))!.Select(e => e!)];

    public static async Task<List<string>> EffectsAsync(HttpClient http, StagingHost host, string mirror, long after) =>
        [.. (await LedgerAsync(http, host, mirror, after)).Where(e => (string?)e["kind"] == "effect").Select(e => (string)e["summary"]!)];

    private static Task SendAsync(HttpClient http, HttpMethod method, Uri uri, object body) =>
        StagingHttp.OkAsync(http.SendAsync(new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, body.GetType()) }));

    private static Uri Erp(StagingHost host, string path) => new(host.Addresses["erp"], $"_synclab/erp/{path}");
}
