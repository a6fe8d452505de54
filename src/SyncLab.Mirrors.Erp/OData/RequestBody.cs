using System.Globalization;
using System.Text.Json;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>A POST or PATCH body checked the way the vendor checks it: known properties only, right types, read-only fields refused.</summary>
internal sealed class RequestBody
{
    private readonly JsonElement _body;
    private readonly string _entityName;

    private RequestBody(JsonElement body, string entityName)
    {
        _body = body;
        _entityName = entityName;
    }

    /// <summary>A PATCH with no body changes nothing (a subscription renewal, say).</summary>
    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    /// <param name="unsupported">
    /// Properties the vendor's page accepts but this mirror does not keep (tax areas, payment terms...): refused
    /// with a message that says so, rather than silently dropped.
    /// </param>
    public static RequestBody Of(
        JsonElement? body, string entityName, IEnumerable<string> writable, IEnumerable<string> readOnly, IEnumerable<string>? unsupported = null)
    {
        if (body is not { ValueKind: JsonValueKind.Object } json)
        {
            throw VendorError.BadRequest("Invalid Request Body");
        }
        var canWrite = writable.ToHashSet(StringComparer.Ordinal);
        var cannotWrite = readOnly.ToHashSet(StringComparer.Ordinal);
        var notKept = (unsupported ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject().Where(p => !p.Name.StartsWith("@odata.", StringComparison.Ordinal)))
        {
            if (cannotWrite.Contains(property.Name))
            {
                throw new VendorError(400, "BadRequest_InvalidOperation", $"Control '{property.Name}' is read-only.");
            }
            if (notKept.Contains(property.Name))
            {
                throw VendorError.BadRequest(
                    $"The property '{property.Name}' of 'Microsoft.NAV.{entityName}' is not supported by the SyncLab mirror of Business Central (see docs/mirrors/erp.md).");
            }
            if (!canWrite.Contains(property.Name))
            {
                throw VendorError.BadRequest(
                    $"The property '{property.Name}' does not exist on type 'Microsoft.NAV.{entityName}'. Make sure to only use property names that are defined by the type or mark the type as open type.");
            }
        }
        return new RequestBody(json, entityName);
    }

    public bool Has(string name) => _body.TryGetProperty(name, out _);

    public JsonElement? Raw(string name) => _body.TryGetProperty(name, out var v) ? v : null;

    public string? String(string name) => Read<string?>(name, JsonValueKind.String, "Edm.String", v => v.GetString());

    public decimal? Decimal(string name) => Read<decimal?>(name, JsonValueKind.Number, "Edm.Decimal", v => v.GetDecimal());

    public bool? Boolean(string name)
    {
        if (!_body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Convert(name, "Edm.Boolean");
    }

    public Guid? Guid(string name) => Read<Guid?>(name, JsonValueKind.String, "Edm.Guid", v =>
        System.Guid.TryParse(v.GetString(), out var g) ? g : throw Convert(name, "Edm.Guid"));

    public DateOnly? Date(string name) => Read<DateOnly?>(name, JsonValueKind.String, "Edm.Date", v =>
        DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Convert(name, "Edm.Date"));

    private T Read<T>(string name, JsonValueKind kind, string edm, Func<JsonElement, T> read)
    {
        if (!_body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default!;
        }
        return value.ValueKind == kind ? read(value) : throw Convert(name, edm);
    }

    private VendorError Convert(string name, string edm) =>
        VendorError.BadRequest($"Cannot convert the value of property '{name}' of type 'Microsoft.NAV.{_entityName}' to the expected type '{edm}'.");
}
