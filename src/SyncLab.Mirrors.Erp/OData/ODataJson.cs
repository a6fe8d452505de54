using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>How Business Central writes values: UTC instants with Z, dates as yyyy-MM-dd, decimals without trailing zeros.</summary>
internal static class ODataJson
{
    public static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>12.50m prints as 12.5, as the vendor's serializer does.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static void WriteValue(Utf8JsonWriter writer, string name, EdmKind kind, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteNumber(name, l);
                break;
            case decimal d:
                writer.WriteNumber(name, Normalize(d));
                break;
            case DateTimeOffset at:
                writer.WriteString(name, Instant(at));
                break;
            case DateOnly date:
                writer.WriteString(name, Date(date));
                break;
            default:
                throw new InvalidOperationException($"Field '{name}' of kind {kind} holds a {value.GetType()}.");
        }
    }

    /// <summary>
    /// A weak ETag in the vendor's form: base64 of a quoted row-version string. Clients must treat it as
    /// opaque and send it back verbatim in <c>If-Match</c>.
    /// </summary>
    public static string ETag(long version)
    {
        var payload = $"{version.ToString(CultureInfo.InvariantCulture)}1;";
        var text = $"'{payload.Length.ToString(CultureInfo.InvariantCulture)};{payload}00;'";
        return $"W/\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\"";
    }
}
