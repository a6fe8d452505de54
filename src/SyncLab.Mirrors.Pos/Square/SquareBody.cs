using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>A request body read the way Square reads it: bad JSON is a 400 with the offending field, never a 5xx.</summary>
public sealed record SquareBody<T>(T? Value, string Canonical, SquareFailure? Failure)
    where T : class;

/// <summary>Reads request bodies into <see cref="SquareBody{T}"/>.</summary>
public static class SquareBody
{
    private const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<SquareBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return Fail<T>(new SquareFailure(StatusCodes.Status413RequestEntityTooLarge,
                new SquareError(SquareErrors.InvalidRequest, "REQUEST_ENTITY_TOO_LARGE", "The request body is too large.")));
        }
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail<T>(SquareErrors.Invalid("EXPECTED_JSON_BODY", string.Empty, "The request body must be a JSON object."));
        }
        try
        {
            var node = JsonNode.Parse(text);
            if (node is not JsonObject)
            {
                return Fail<T>(SquareErrors.Invalid("EXPECTED_OBJECT", string.Empty, "The request body must be a JSON object."));
            }
            var value = node.Deserialize<T>(SquareJson.Options);
            return value is null
                ? Fail<T>(SquareErrors.Invalid("EXPECTED_JSON_BODY", string.Empty, "The request body must be a JSON object."))
                : new SquareBody<T>(value, SquareJson.Canonical(node), null);
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? string.Empty).TrimStart('$').TrimStart('.');
            return Fail<T>(SquareErrors.Invalid(ExpectedCode(e.Message), field, $"Invalid JSON at '{field}'."));
        }
    }

    private static SquareBody<T> Fail<T>(SquareFailure failure)
        where T : class => new(null, string.Empty, failure);

    private static string ExpectedCode(string message) =>
        message.Contains("System.String", StringComparison.Ordinal) ? "EXPECTED_STRING"
        : message.Contains("System.Int", StringComparison.Ordinal) ? "EXPECTED_INTEGER"
        : message.Contains("System.Boolean", StringComparison.Ordinal) ? "EXPECTED_BOOLEAN"
        : message.Contains("List`1", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) ? "EXPECTED_ARRAY"
        : message.Contains("could not be converted", StringComparison.Ordinal) ? "EXPECTED_OBJECT"
        : "BAD_REQUEST";
}
