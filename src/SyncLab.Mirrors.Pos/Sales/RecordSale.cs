using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Pos.Orders;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Sales;

/// <summary>
/// <c>POST /_synclab/pos/sales</c>: a customer buys at the till. Rings up a Square order for one SKU at a
/// store, pays it in cash and so moves the goods IN_STOCK → SOLD, exactly as a real sale would.
/// </summary>
public static class RecordSale
{
    public static void Map(RouteGroupBuilder pos) => pos.MapPost("/sales", HandleAsync);

    public static async Task<Results<Ok<SaleRecorded>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, PosDb db, PosRuntime runtime, TimeProvider clock, MirrorLedger ledger, WebhookSignal signal, CancellationToken cancellationToken)
    {
        Sale? sale;
        try
        {
            sale = await JsonSerializer.DeserializeAsync<Sale>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return AdminApi.Problem("pos-sale-invalid", "The sale is not valid JSON", e.Message);
        }
        if (sale is null || string.IsNullOrWhiteSpace(sale.LocationCode) || string.IsNullOrWhiteSpace(sale.Sku))
        {
            return AdminApi.Problem("pos-sale-invalid", "The sale is incomplete", "Send {\"locationCode\":\"ST01\",\"sku\":\"SKU-000001\",\"quantity\":2}.");
        }
        if (sale.Quantity is not (>= 1 and <= 10_000))
        {
            return AdminApi.Problem("pos-sale-quantity", "Invalid quantity", "quantity must be a whole number from 1 to 10000.");
        }

        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Code == sale.LocationCode, cancellationToken);
            if (location is null)
            {
                return AdminApi.Problem("pos-unknown-store", "Unknown store", $"The POS has no store '{sale.LocationCode}' (it knows the estate's Store locations).", StatusCodes.Status404NotFound);
            }
            var key = sale.Sku.Trim().ToUpperInvariant();
            var entry = await db.Catalog.AsNoTracking().FirstOrDefaultAsync(c => c.SkuKey == key, cancellationToken);
            if (entry is null)
            {
                return AdminApi.Problem("pos-unknown-sku", "Unknown SKU", $"The POS catalog has no '{sale.Sku}' (blocked items are not on the till).", StatusCodes.Status404NotFound);
            }
            if (entry.IsArchived)
            {
                return AdminApi.Problem("pos-item-archived", "Not sold at the till", $"'{entry.Sku}' is archived in the POS catalog: the till no longer offers it.", StatusCodes.Status409Conflict);
            }
            var now = clock.GetUtcNow();
            var order = await Till.OpenAsync(db, location, [new LineDraft(entry.VariationId, entry.Name, "Regular", sale.Quantity, entry.PriceAmount, null)], sale.Reference, now, cancellationToken);
            var completed = await Till.CompleteAsync(db, runtime.MerchantId, order, new PaymentDraft("CASH", order.TotalAmount, order.Currency, BuyerSuppliedAmount: order.TotalAmount), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect(Till.Describe(completed), request.Path);
            signal.Notify();
            var onHand = completed.Stock.Counts.FirstOrDefault(c => c.State == "IN_STOCK")?.Quantity ?? 0;
            return TypedResults.Ok(new SaleRecorded(order.Id, completed.Payment.Id, location.Id, location.Code, entry.VariationId, entry.Sku, sale.Quantity, order.TotalAmount, order.Currency, onHand));
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }
}

public sealed record Sale(string? LocationCode, string? Sku, int Quantity, string? Reference = null);

public sealed record SaleRecorded(
    string OrderId, string PaymentId, string LocationId, string LocationCode, string CatalogObjectId, string Sku,
    int Quantity, long TotalAmount, string Currency, decimal InStock);
