using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>A <c>customers/data_request</c> as queued: Shopify's request id, the shopper, the orders asked about.</summary>
public sealed record DataRequest(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("ordersRequested")] IReadOnlyList<long> OrdersRequested,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset RequestedAt);

/// <summary>
/// A shopper asked the shop what it holds on them (<c>customers/data_request</c>): the engine compiles what it holds —
/// <see cref="ShopperDataReport"/> — and keeps it for the merchant's privacy officer at
/// <c>GET /engine/shoppers/data-requests/{id}</c> for <see cref="ShopperRules.DataRequestReportDays"/>; the report's end is
/// put on the business clock in the same transaction (<see cref="DataRequestExpiryProcess"/>). Shopify takes no data back
/// from the app: the merchant hands the report to the shopper.
/// </summary>
public sealed class ShopperDataRequestProcess(IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers.data-request";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<DataRequest>(item.Payload)!;
        var now = clock.GetUtcNow();
        var until = now.AddDays(options.Shoppers.DataRequestReportDays);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var report = await ShopperDataReport.CompileAsync(db, request, now, until, ct);
        return ProcessOutcome.Changed(
            $"data request {request.RequestId} of shopper {request.CustomerId}: report of {report.WorkItems.Count} work items, {report.ErpCustomers.Count} ERP customers, kept until {until:yyyy-MM-dd}",
            new IdMapping
            {
                System = ShopperRecords.System,
                Kind = ShopperRecords.DataRequestKind,
                Key = request.RequestId,
                TargetId = request.CustomerId,
                Extra = JsonSerializer.Serialize(report, ShopperDataReport.Json),
            })
            with { FollowUps = [new CapturedChange(DataRequestExpiryProcess.ProcessName, request.RequestId, WorkQueue.Version(until), JsonSerializer.Serialize(new DataRequestExpiryProcess.Expiry(request.RequestId)), until)] };
    }
}

/// <summary>
/// A data-request report's retention is over: the report goes, and the queued request keeps only its ids (the e-mail it
/// was asked with is personal data too).
/// </summary>
public sealed class DataRequestExpiryProcess(IDbContextFactory<EngineDb> dbs) : IProcess
{
    public const string ProcessName = "shoppers.data-request.expiry";

    public sealed record Expiry(string RequestId);

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var id = JsonSerializer.Deserialize<Expiry>(item.Payload)!.RequestId;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var removed = await db.IdMappings.Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.DataRequestKind && m.Key == id).ExecuteDeleteAsync(ct);
        foreach (var request in await db.WorkItems.Where(w => w.Process == ShopperDataRequestProcess.ProcessName && w.Key == id && w.State != WorkState.Pending).ToListAsync(ct))
        {
            var asked = JsonSerializer.Deserialize<DataRequest>(request.Payload)!;
            request.Payload = JsonSerializer.Serialize(asked with { Email = null });
        }
        await db.SaveChangesAsync(ct);
        return removed == 0 ? ProcessOutcome.Nothing : ProcessOutcome.Changed($"data request {id}: report deleted, its retention is over");
    }
}
