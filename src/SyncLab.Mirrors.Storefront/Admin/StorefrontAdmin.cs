using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Estate;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.RateLimits;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Orders;

namespace SyncLab.Mirrors.Storefront.Admin;

/// <summary>
/// SyncLab's own storefront endpoints under <c>/_synclab/storefront</c>: reset, webhook deliveries to wait on,
/// and the business actions (place an order, redact a customer, where compliance webhooks go).
/// </summary>
public static class StorefrontAdmin
{
    public sealed record DeliveryView(
        long Id, string Topic, string CallbackUrl, string Status, int Attempts, DateTimeOffset TriggeredAt,
        DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError, string WebhookId, string EventId);

    public static IEndpointRouteBuilder MapStorefrontAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapAdminGroup("storefront");
        group.MapPost("/reset", ResetAsync);
        group.MapGet("/webhooks/deliveries", DeliveriesAsync);
        PlaceOrderAction.Map(group);
        TaxRatesAction.Map(group);
        RedactCustomer.Map(group);
        RequestCustomerData.Map(group);
        ComplianceWebhooks.Map(group);
        return app;
    }

    /// <summary>Back to the seeded shop: catalogue, stock, no orders, customers or subscriptions, full cost buckets, no tax rate changes.</summary>
    private static async Task<NoContent> ResetAsync(StorefrontDb db, BusinessEstate estate, ShopWriteGate gate, LeakyBuckets buckets, TaxSchedule taxes, MirrorLedger ledger, CancellationToken ct)
    {
        taxes.Reset();
        await ResetShopAsync(db, estate, gate, buckets, ct);
        ledger.RecordEffect("storefront reset to the seeded estate", "/_synclab/storefront/reset");
        return TypedResults.NoContent();
    }

    /// <summary>The shop's part of a reset (also of the kit's <c>POST /_synclab/reset</c>).</summary>
    internal static async Task ResetShopAsync(StorefrontDb db, BusinessEstate estate, ShopWriteGate gate, LeakyBuckets buckets, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            StorefrontSeeder.Reset(db, estate);
            buckets.Reset();
        }
    }

    private static async Task<Ok<List<DeliveryView>>> DeliveriesAsync(StorefrontDb db, string? status, CancellationToken ct)
    {
        var query = db.WebhookDeliveries.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }
        var rows = await query.OrderBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => new DeliveryView(
            d.Id, d.Topic, d.CallbackUrl, d.Status, d.Attempts, d.TriggeredAt, d.NextAttemptAt, d.DeliveredAt,
            d.LastStatusCode, d.LastError, d.WebhookId, d.EventId)).ToList());
    }
}
