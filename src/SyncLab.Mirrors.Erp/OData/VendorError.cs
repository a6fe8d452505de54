using System.Text.Json;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>
/// An error the vendor API answers with Business Central's body, <c>{"error":{"code","message"}}</c>.
/// Codes are the documented ones (docs: "Troubleshooting OData/API calls", error code table).
/// </summary>
internal sealed class VendorError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Headers the error answer carries (e.g. <c>Location</c> on 410 Gone).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static VendorError BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>Query syntax errors: BC files them under BadRequest_NotFound, odd as that reads.</summary>
    public static VendorError Syntax(string message) => new(400, "BadRequest_NotFound", message);

    public static VendorError NoSuchProperty(string property, string entityName) =>
        new(400, "BadRequest_NotFound", $"Could not find a property named '{property}' on type 'Microsoft.NAV.{entityName}'.");

    public static VendorError NotFound(string message) => new(404, "BadRequest_NotFound", message);

    public static VendorError NoResource(string path) =>
        new(404, "BadRequest_ResourceNotFound", $"Resource not found for the segment '{path}'.");

    public static VendorError RecordNotFound(string table, Guid id) =>
        NotFound($"The {table} does not exist. Identification fields and values: Id='{{{id.ToString("D").ToUpperInvariant()}}}'");

    public static VendorError MethodNotAllowed(string method, string entitySet) =>
        new(405, "BadRequest_MethodNotAllowed", $"'{method}' requests for '{entitySet}' of EdmType 'Entity' are not allowed within Microsoft Dynamics NAV OData web services.");

    public static VendorError MissingETag() =>
        new(400, "BadRequest_InvalidToken", "Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.");

    public static VendorError StaleETag(int status) =>
        new(status, "Request_EntityChanged", "Another user has already changed the record.");

    public static VendorError Dialog(string message) => new(400, "Application_DialogException", message);

    public static VendorError FieldValidation(string message) => new(400, "Application_FieldValidationException", message);

    /// <summary>An insert whose primary key another record has (a number series restarted on numbers still in use).</summary>
    public static VendorError SameKeyExists(string table, string keyValues) =>
        new(400, "Internal_EntityWithSameKeyExists", $"The record in table {table} already exists. Identification fields and values: {keyValues}");

    public static VendorError Unauthorized() =>
        new(401, "Authentication_InvalidCredentials", "The server has rejected the client credentials.");

    /// <summary>The body, with the correlation id Business Central appends to every message.</summary>
    public static byte[] Body(string code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", $"{message}  CorrelationId:  {Guid.NewGuid():D}.");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
