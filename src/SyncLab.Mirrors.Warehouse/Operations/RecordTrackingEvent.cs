using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Warehouse.Store;
using SyncLab.Mirrors.Warehouse.Webhooks;

namespace SyncLab.Mirrors.Warehouse.Operations;

/// <summary>
/// <c>POST /_synclab/warehouse/labels/{label_id}/tracking</c>: the carrier scans the parcel (in transit,
/// delivered, an exception…), so ShipStation fires a <c>track</c> webhook for that label.
/// </summary>
public static class RecordTrackingEvent
{
    public static void Map(RouteGroupBuilder warehouse) => warehouse.MapPost("/labels/{label_id}/tracking", HandleAsync);

    public static async Task<Results<Ok<TrackingRecorded>, ProblemHttpResult>> HandleAsync(
        [FromRoute(Name = "label_id")] string labelId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger,
        WebhookSignal signal, CancellationToken cancellationToken)
    {
        TrackingScan? scan;
        try
        {
            scan = await JsonSerializer.DeserializeAsync<TrackingScan>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return AdminApi.Problem("warehouse-tracking-invalid", "The tracking scan is not valid JSON", e.Message);
        }
        if (scan?.StatusCode is not { } status || !WebhookOutbox.TrackingStatuses.ContainsKey(status))
        {
            return AdminApi.Problem("warehouse-tracking-invalid", "Unknown tracking status",
                $"Send {{\"statusCode\":\"DE\",\"description\":\"Left at front door\"}}; statusCode is one of {string.Join(", ", WebhookOutbox.TrackingStatuses.Keys)}.");
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var shipment = await db.Shipments.AsNoTracking().FirstOrDefaultAsync(s => s.LabelId == labelId, cancellationToken);
            if (shipment is null)
            {
                return AdminApi.Problem("warehouse-label-unknown", "No such label", $"No label '{labelId}' was bought.", StatusCodes.Status404NotFound);
            }
            var queued = await WebhookOutbox.EnqueueTrackAsync(db, request, shipment, status, scan.Description, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
            ledger.RecordEffect($"tracking {shipment.TrackingNumber} ({labelId}): {status} {WebhookOutbox.TrackingStatuses[status]}; {queued} webhook(s) queued", request.Path);
            return TypedResults.Ok(new TrackingRecorded(labelId, shipment.TrackingNumber!, status, queued));
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }
}

public sealed record TrackingScan(string? StatusCode, string? Description = null);

public sealed record TrackingRecorded(string LabelId, string TrackingNumber, string StatusCode, int WebhooksQueued);
