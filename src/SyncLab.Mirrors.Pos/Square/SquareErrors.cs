using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>One entry of Square's <c>errors</c> array (schema <c>Error</c>).</summary>
public sealed record SquareError(string Category, string Code, string? Detail = null, string? Field = null);

public sealed record SquareErrorResponse(IReadOnlyList<SquareError> Errors);

/// <summary>An error answer decided by a handler: the HTTP status and what goes in <c>errors</c>.</summary>
public sealed record SquareFailure(int Status, SquareError Error)
{
    public JsonHttpResult<SquareErrorResponse> ToResult() => SquareErrors.Result(Status, Error);
}

/// <summary>Square's error categories and codes as this mirror uses them (enums <c>ErrorCategory</c>, <c>ErrorCode</c>).</summary>
public static class SquareErrors
{
    public const string InvalidRequest = "INVALID_REQUEST_ERROR";
    public const string Authentication = "AUTHENTICATION_ERROR";
    public const string RateLimit = "RATE_LIMIT_ERROR";

    public static JsonHttpResult<SquareErrorResponse> Result(int status, params SquareError[] errors) =>
        TypedResults.Json(new SquareErrorResponse(errors), SquareJson.Options, statusCode: status);

    public static SquareFailure Invalid(string code, string field, string detail) =>
        new(StatusCodes.Status400BadRequest, new SquareError(InvalidRequest, code, detail, field));

    public static SquareFailure InvalidValue(string field, string detail) => Invalid("INVALID_VALUE", field, detail);

    public static SquareFailure Missing(string field) =>
        Invalid("MISSING_REQUIRED_PARAMETER", field, "Field must be set");

    public static SquareFailure NotFound(string detail, string? field = null) =>
        new(StatusCodes.Status404NotFound, new SquareError(InvalidRequest, "NOT_FOUND", detail, field));

    public static SquareFailure Unauthorized(string detail) =>
        new(StatusCodes.Status401Unauthorized, new SquareError(Authentication, "UNAUTHORIZED", detail));

    public static SquareFailure RateLimited() =>
        new(StatusCodes.Status429TooManyRequests, new SquareError(RateLimit, "RATE_LIMITED", "Rate limit exceeded; retry later."));

    public static SquareFailure IdempotencyKeyReused(string field = "idempotency_key") =>
        Invalid("IDEMPOTENCY_KEY_REUSED", field, "The idempotency key was already used with a different request body.");
}
