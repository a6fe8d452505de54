using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncLab.Mirrors.Warehouse.ShipStation;

/// <summary>ShipStation's wire conventions: snake_case, ISO 8601 times.</summary>
public static class ShipStationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
