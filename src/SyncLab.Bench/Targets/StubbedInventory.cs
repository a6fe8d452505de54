namespace SyncLab.Bench.Targets;

/// <summary>
/// What the baselines serve, taken from the warehouse mirror so payloads match: the mirror's own answer to
/// <c>GET /v2/inventory?sku=…</c> for one SKU, as a template the other stubbed SKUs are filled into, and the
/// ShipStation write every case sends.
/// </summary>
public sealed record StubbedInventory(IReadOnlyList<string> Skus, string AnswerTemplate, string TemplateSku, string LocationId)
{
    public const string Path = "/v2/inventory";

    public static string ReadPath(string sku) => $"{Path}?sku={Uri.EscapeDataString(sku)}";

    /// <summary>A ShipStation receipt of one unit: <c>increment</c>, as a warehouse integration posts it.</summary>
    public static string WriteBody(string sku, string locationId) =>
        $$"""{"transaction_type":"increment","sku":"{{sku}}","inventory_location_id":"{{locationId}}","quantity":1,"reason":"receipt"}""";

    /// <summary>The answer for <paramref name="sku"/>: the template with its SKU replaced (same shape, same size).</summary>
    public string AnswerFor(string sku) => AnswerTemplate.Replace(TemplateSku, sku, StringComparison.Ordinal);
}
