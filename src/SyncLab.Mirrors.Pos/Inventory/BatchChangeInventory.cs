using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Inventory;

/// <summary><c>POST /v2/inventory/changes/batch-create</c> (BatchChangeInventory): ADJUSTMENT and PHYSICAL_COUNT changes, idempotent.</summary>
public static class BatchChangeInventory
{
    public const string Operation = "BatchChangeInventory";
    public const int MaxChanges = 100;

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/inventory/changes/batch-create", HandleAsync);

    public static async Task<Results<JsonHttpResult<BatchChangeInventoryResponse>, ContentHttpResult, JsonHttpResult<SquareErrorResponse>>> HandleAsync(
        HttpRequest request, PosDb db, PosRuntime runtime, TimeProvider clock, MirrorLedger ledger, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<BatchChangeInventoryRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var change = body.Value!;
        if (string.IsNullOrEmpty(change.IdempotencyKey))
        {
            return SquareErrors.Missing("idempotency_key").ToResult();
        }
        if (change.IdempotencyKey.Length > 128)
        {
            return SquareErrors.Invalid("VALUE_TOO_LONG", "idempotency_key", "idempotency_key must be at most 128 characters.").ToResult();
        }

        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var (replay, reused) = await SquareIdempotency.CheckAsync(db, Operation, change.IdempotencyKey, body.Canonical, cancellationToken);
            if (reused is not null)
            {
                return reused.ToResult();
            }
            if (replay is not null)
            {
                return replay.ToResult();
            }
            var now = clock.GetUtcNow();
            var objectIds = (change.Changes ?? []).Select(c => c.Adjustment?.CatalogObjectId ?? c.PhysicalCount?.CatalogObjectId).OfType<string>().Distinct().ToList();
            var locationIds = (change.Changes ?? []).Select(c => c.Adjustment?.LocationId ?? c.PhysicalCount?.LocationId).OfType<string>().Distinct().ToList();
            var knownObjects = (await db.Catalog.Where(c => objectIds.Contains(c.VariationId)).Select(c => c.VariationId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var knownLocations = (await db.Locations.Where(l => locationIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var (movements, failure) = Validate(change, knownObjects, knownLocations, now);
            if (failure is not null)
            {
                return failure.ToResult();
            }
            var outcome = await InventoryBook.ApplyAsync(db, runtime.MerchantId, movements!, change.IgnoreUnchangedCounts ?? true, now, cancellationToken);
            var response = new BatchChangeInventoryResponse(outcome.Counts.Select(InventoryCount.From).ToList(), outcome.Changes.Select(InventoryChange.From).ToList());
            SquareIdempotency.Remember(db, Operation, change.IdempotencyKey, body.Canonical, response);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var c in outcome.Changes)
            {
                ledger.RecordEffect($"inventory {c.Type} {c.CatalogObjectId} at {c.LocationId}: {c.FromState ?? c.State}→{c.ToState ?? c.State} {SquareJson.Quantity(c.Quantity)}", request.Path);
            }
            signal.Notify();
            return TypedResults.Json(response, SquareJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Pure: the request's changes as stock movements, or the first thing wrong with them (with Square's field path).</summary>
    public static (IReadOnlyList<StockMovement>? Movements, SquareFailure? Failure) Validate(
        BatchChangeInventoryRequest request, IReadOnlySet<string> knownObjects, IReadOnlySet<string> knownLocations, DateTimeOffset now)
    {
        var changes = request.Changes ?? [];
        if (changes.Count > MaxChanges)
        {
            return (null, SquareErrors.Invalid("ARRAY_LENGTH_TOO_LONG", "changes", $"At most {MaxChanges} changes are allowed per request."));
        }
        var movements = new List<StockMovement>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            var at = $"changes[{i}]";
            switch (c.Type)
            {
                case null:
                    return (null, SquareErrors.Missing($"{at}.type"));
                case InventoryStates.Adjustment when c.Adjustment is null:
                    return (null, SquareErrors.Missing($"{at}.adjustment"));
                case InventoryStates.Adjustment:
                {
                    var a = c.Adjustment;
                    var field = $"{at}.adjustment";
                    var common = Common(field, a.CatalogObjectId, a.CatalogObjectType, a.LocationId, a.Quantity, a.OccurredAt, knownObjects, knownLocations, now, allowZero: false);
                    if (common.Failure is not null)
                    {
                        return (null, common.Failure);
                    }
                    if (State(a.FromState, $"{field}.from_state") is { } fromFailure)
                    {
                        return (null, fromFailure);
                    }
                    if (State(a.ToState, $"{field}.to_state") is { } toFailure)
                    {
                        return (null, toFailure);
                    }
                    if (a.FromState == a.ToState)
                    {
                        return (null, SquareErrors.InvalidValue($"{field}.to_state", "from_state and to_state must differ."));
                    }
                    movements.Add(new AdjustStock(a.CatalogObjectId!, a.LocationId!, common.Quantity, common.OccurredAt, a.ReferenceId, a.FromState!, a.ToState!));
                    break;
                }
                case InventoryStates.PhysicalCount when c.PhysicalCount is null:
                    return (null, SquareErrors.Missing($"{at}.physical_count"));
                case InventoryStates.PhysicalCount:
                {
                    var p = c.PhysicalCount;
                    var field = $"{at}.physical_count";
                    var common = Common(field, p.CatalogObjectId, p.CatalogObjectType, p.LocationId, p.Quantity, p.OccurredAt, knownObjects, knownLocations, now, allowZero: true);
                    if (common.Failure is not null)
                    {
                        return (null, common.Failure);
                    }
                    if (State(p.State, $"{field}.state") is { } stateFailure)
                    {
                        return (null, stateFailure);
                    }
                    if (!InventoryStates.IsTracked(p.State!))
                    {
                        return (null, SquareErrors.InvalidValue($"{field}.state", $"A physical count cannot be taken of state {p.State}."));
                    }
                    movements.Add(new CountStock(p.CatalogObjectId!, p.LocationId!, common.Quantity, common.OccurredAt, p.ReferenceId, p.State!));
                    break;
                }
                case InventoryStates.Transfer:
                    return (null, SquareErrors.InvalidValue($"{at}.type", "TRANSFER changes are not supported by this mirror; send an ADJUSTMENT at each location."));
                default:
                    return (null, SquareErrors.Invalid("INVALID_ENUM_VALUE", $"{at}.type", $"'{c.Type}' is not an InventoryChangeType."));
            }
        }
        return (movements, null);
    }

    private static (decimal Quantity, DateTimeOffset OccurredAt, SquareFailure? Failure) Common(
        string field, string? objectId, string? objectType, string? locationId, string? quantity, string? occurredAt,
        IReadOnlySet<string> knownObjects, IReadOnlySet<string> knownLocations, DateTimeOffset now, bool allowZero)
    {
        if (string.IsNullOrEmpty(objectId))
        {
            return (0, now, SquareErrors.Missing($"{field}.catalog_object_id"));
        }
        if (!knownObjects.Contains(objectId))
        {
            return (0, now, SquareErrors.InvalidValue($"{field}.catalog_object_id", $"Catalog object '{objectId}' is not an item variation of this catalog."));
        }
        if (objectType is not (null or "ITEM_VARIATION"))
        {
            return (0, now, SquareErrors.InvalidValue($"{field}.catalog_object_type", "Only ITEM_VARIATION objects carry inventory."));
        }
        if (string.IsNullOrEmpty(locationId))
        {
            return (0, now, SquareErrors.Missing($"{field}.location_id"));
        }
        if (!knownLocations.Contains(locationId))
        {
            return (0, now, SquareErrors.InvalidValue($"{field}.location_id", $"Location '{locationId}' does not exist."));
        }
        if (quantity is null)
        {
            return (0, now, SquareErrors.Missing($"{field}.quantity"));
        }
        if (!SquareJson.TryParseQuantity(quantity, out var parsed) || parsed < 0 || (parsed == 0 && !allowZero))
        {
            return (0, now, SquareErrors.InvalidValue($"{field}.quantity", $"'{quantity}' is not a valid quantity (a positive decimal string with at most 5 decimals)."));
        }
        var at = now;
        if (occurredAt is not null && !DateTimeOffset.TryParse(occurredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            return (0, now, SquareErrors.Invalid("INVALID_TIME", $"{field}.occurred_at", $"'{occurredAt}' is not an RFC 3339 timestamp."));
        }
        // Stored in UTC: PostgreSQL keeps only offset-0 timestamps.
        return (parsed, at.ToUniversalTime(), null);
    }

    private static SquareFailure? State(string? state, string field) =>
        state is null ? SquareErrors.Missing(field)
        : !InventoryStates.All.Contains(state) ? SquareErrors.Invalid("INVALID_ENUM_VALUE", field, $"'{state}' is not an InventoryState.")
        : null;
}

public sealed record BatchChangeInventoryRequest
{
    public string? IdempotencyKey { get; init; }

    public IReadOnlyList<InventoryChange>? Changes { get; init; }

    public bool? IgnoreUnchangedCounts { get; init; }
}

public sealed record BatchChangeInventoryResponse(IReadOnlyList<InventoryCount> Counts, IReadOnlyList<InventoryChange> Changes);
