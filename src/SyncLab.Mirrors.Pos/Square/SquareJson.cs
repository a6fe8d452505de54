using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>Square's wire conventions: snake_case, absent rather than null, RFC 3339 times, decimal strings for quantities.</summary>
public static class SquareJson
{
    public const string ApiVersion = "2025-08-20";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Quantity(decimal quantity) =>
        quantity.ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>A quantity as Square accepts it: a decimal string with at most 5 decimals.</summary>
    public static bool TryParseQuantity(string? text, out decimal quantity)
    {
        quantity = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 26)
        {
            return false;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quantity))
        {
            return false;
        }
        return decimal.Round(quantity, 5) == quantity;
    }

    /// <summary>The request body with object keys sorted, so "same body" ignores key order and whitespace.</summary>
    public static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
