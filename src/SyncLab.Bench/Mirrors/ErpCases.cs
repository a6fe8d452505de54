using System.Globalization;
using SyncLab.Bench.Load;

namespace SyncLab.Bench.Mirrors;

/// <summary>
/// Business Central API v2.0, as the engine calls it: look an item up by its number with an exact
/// <c>$filter</c>, and change its price with <c>PATCH items({id})</c>. The write sends <c>If-Match: *</c>
/// (BC's "whatever the version"): with 16 workers on random items a real ETag would go stale now and then,
/// and a 412 would be counted as an error of the mirror.
/// </summary>
internal static class ErpCases
{
    private const string Token = "synclab-bench";

    public static async Task<IReadOnlyList<BenchCase>> CreateAsync(Uri erp, HttpClient setup, CancellationToken ct)
    {
        var companies = await setup.ReadJsonAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(erp, "/api/v2.0/companies")).Bearer(Token), ct);
        var company = (string)companies["value"]![0]!["id"]!;
        var prefix = $"/api/v2.0/companies({company})";

        // Every item's number as the ERP holds it (drifted ones included) and its id, over the vendor API.
        var items = new List<(string Number, string Id, byte[] IdBytes)>();
        Uri? next = new(erp, $"{prefix}/items?$select=id,number");
        while (next is not null)
        {
            var page = await setup.ReadJsonAsync(new HttpRequestMessage(HttpMethod.Get, next).Bearer(Token), ct);
            foreach (var row in page["value"]!.AsArray())
            {
                var id = (string)row!["id"]!;
                items.Add(((string)row["number"]!, id, BenchRequest.Utf8(id)));
            }
            next = page["@odata.nextLink"] is { } link ? new Uri(erp, (string)link!) : null;
        }

        var read = new BenchCase("erp", Operation.Read, "GET items?$filter=number eq '…'", ctx =>
        {
            var item = items[ctx.Random.Next(items.Count)];
            var filter = Uri.EscapeDataString($"number eq '{item.Number.Replace("'", "''", StringComparison.Ordinal)}'");
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(erp, $"{prefix}/items?$filter={filter}")).Bearer(Token);
            return new BenchRequest(request, item.IdBytes);
        });
        var write = new BenchCase("erp", Operation.Write, "PATCH items({id}) unitPrice, If-Match: *", ctx =>
        {
            var item = items[ctx.Random.Next(items.Count)];
            var price = (1 + ctx.Random.Next(9_900) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(erp, $"{prefix}/items({item.Id})"))
            {
                Content = Http.Json($$"""{"unitPrice":{{price}}}"""),
            }.Bearer(Token).Header("If-Match", "*");
            return new BenchRequest(request, item.IdBytes);
        });
        return [read, write];
    }
}
