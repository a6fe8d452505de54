using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>The answer first given to an idempotency key.</summary>
public sealed record IdempotentAnswer(int Status, string Body)
{
    public ContentHttpResult ToResult() => TypedResults.Text(Body, "application/json", Encoding.UTF8, Status);
}

/// <summary>
/// Square's idempotency rule: the same key with the same body gets the original answer (and does nothing
/// again); the same key with another body is a 400 <c>IDEMPOTENCY_KEY_REUSED</c>. Only successes are kept,
/// so a request that failed validation can be corrected and retried under its key. Use under the write gate.
/// </summary>
public static class SquareIdempotency
{
    public static async Task<(IdempotentAnswer? Replay, SquareFailure? Failure)> CheckAsync(
        PosDb db, string operation, string key, string canonicalBody, CancellationToken cancellationToken)
    {
        var seen = await db.Idempotency.AsNoTracking().FirstOrDefaultAsync(i => i.Operation == operation && i.Key == key, cancellationToken);
        if (seen is null)
        {
            return (null, null);
        }
        return seen.RequestBody == canonicalBody
            ? (new IdempotentAnswer(seen.Status, seen.ResponseBody), null)
            : (null, SquareErrors.IdempotencyKeyReused());
    }

    public static void Remember<T>(PosDb db, string operation, string key, string canonicalBody, T response, int status = StatusCodes.Status200OK) =>
        db.Idempotency.Add(new PosIdempotency
        {
            Operation = operation,
            Key = key,
            RequestBody = canonicalBody,
            Status = status,
            ResponseBody = JsonSerializer.Serialize(response, SquareJson.Options),
        });
}
