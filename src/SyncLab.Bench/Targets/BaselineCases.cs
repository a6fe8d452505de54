using SyncLab.Bench.Load;

namespace SyncLab.Bench.Targets;

/// <summary>The warehouse's read and write, sent to a baseline server that stubs the given SKUs.</summary>
public static class BaselineCases
{
    public static IReadOnlyList<BenchCase> For(string target, Uri address, IReadOnlyList<string> skus, string locationId)
    {
        var fields = skus.Select(s => BenchRequest.Utf8($"\"sku\":\"{s}\"")).ToArray();
        var read = new BenchCase(target, Operation.Read, "GET /v2/inventory?sku=…", ctx =>
        {
            var i = ctx.Random.Next(skus.Count);
            return new BenchRequest(new HttpRequestMessage(HttpMethod.Get, new Uri(address, StubbedInventory.ReadPath(skus[i]))), fields[i]);
        });
        var write = new BenchCase(target, Operation.Write, "POST /v2/inventory (increment 1)", ctx =>
        {
            var sku = skus[ctx.Random.Next(skus.Count)];
            var content = new StringContent(StubbedInventory.WriteBody(sku, locationId), System.Text.Encoding.UTF8, "application/json");
            return new BenchRequest(new HttpRequestMessage(HttpMethod.Post, new Uri(address, StubbedInventory.Path)) { Content = content });
        });
        return [read, write];
    }
}
