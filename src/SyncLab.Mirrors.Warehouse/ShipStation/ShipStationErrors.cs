using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SyncLab.Mirrors.Warehouse.ShipStation;

/// <summary>One entry of ShipStation's <c>errors</c> (schema <c>error</c>).</summary>
public sealed record ShipStationError(string ErrorSource, string ErrorType, string ErrorCode, string Message);

/// <summary>ShipStation's <c>error_response_body</c>.</summary>
public sealed record ShipStationErrorResponse(string RequestId, IReadOnlyList<ShipStationError> Errors);

/// <summary>An error answer decided by a handler.</summary>
public sealed record ShipStationFailure(int Status, ShipStationError Error)
{
    public JsonHttpResult<ShipStationErrorResponse> ToResult() =>
        TypedResults.Json(new ShipStationErrorResponse(Guid.NewGuid().ToString("D"), [Error]), ShipStationJson.Options, statusCode: Status);
}

/// <summary>
/// ShipStation's error vocabulary as this mirror uses it. <c>error_source</c> is "ShipStation", the
/// spelling of the vendor's OpenAPI enum (<c>carrier</c>, <c>order_source</c>, <c>ShipStation</c>).
/// </summary>
public static class ShipStationErrors
{
    public const string Source = "ShipStation";

    public static ShipStationFailure Unauthorized(string message) =>
        new(StatusCodes.Status401Unauthorized, new ShipStationError(Source, "security", "unauthorized", message));

    public static ShipStationFailure Required(string field) =>
        new(StatusCodes.Status400BadRequest, new ShipStationError(Source, "validation", "field_value_required", $"{field} is required."));

    public static ShipStationFailure InvalidValue(string message) =>
        new(StatusCodes.Status400BadRequest, new ShipStationError(Source, "validation", "invalid_field_value", message));

    public static ShipStationFailure BodyRequired() =>
        new(StatusCodes.Status400BadRequest, new ShipStationError(Source, "validation", "request_body_required", "Body of request cannot be null."));

    public static ShipStationFailure UnknownReference(string message) =>
        new(StatusCodes.Status400BadRequest, new ShipStationError(Source, "validation", "invalid_identifier", message));

    public static ShipStationFailure NotFound(string message) =>
        new(StatusCodes.Status404NotFound, new ShipStationError(Source, "validation", "invalid_identifier", message));

    public static ShipStationFailure BusinessRule(string message) =>
        new(StatusCodes.Status400BadRequest, new ShipStationError(Source, "business_rules", "invalid_field_value", message));

    public static ShipStationFailure Conflict(string errorCode, string message) =>
        new(StatusCodes.Status409Conflict, new ShipStationError(Source, "validation", errorCode, message));

    public static ShipStationFailure RateLimited() =>
        new(StatusCodes.Status429TooManyRequests, new ShipStationError(Source, "system", "rate_limit_exceeded", "You have exceeded the rate limit. Retry after the number of seconds in Retry-After."));
}
