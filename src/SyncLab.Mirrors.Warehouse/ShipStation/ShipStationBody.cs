using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SyncLab.Mirrors.Warehouse.ShipStation;

/// <summary>Reads a request body; bad JSON is a 400 in ShipStation's shape, never a 5xx.</summary>
public static class ShipStationBody
{
    public static async Task<(T? Value, ShipStationFailure? Failure)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ShipStationErrors.BodyRequired());
        }
        try
        {
            if (JsonNode.Parse(text) is not JsonObject node)
            {
                return (null, ShipStationErrors.InvalidValue("The request body must be a JSON object."));
            }
            var value = node.Deserialize<T>(ShipStationJson.Options);
            return value is null ? (null, ShipStationErrors.BodyRequired()) : (value, null);
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? string.Empty).TrimStart('$').TrimStart('.');
            return (null, ShipStationErrors.InvalidValue(field.Length > 0 ? $"{field} has an invalid value." : "The request body is not valid JSON."));
        }
    }
}
