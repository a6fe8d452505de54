using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.Inventory;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Operations;

/// <summary>
/// <c>POST /_synclab/warehouse/receipts</c>: goods arrive at a warehouse's dock and are put away in its
/// inventory location, the same ShipStation <c>increment</c> a receiving clerk's scanner would send.
/// </summary>
public static class RecordReceipt
{
    public static void Map(RouteGroupBuilder warehouse) => warehouse.MapPost("/receipts", HandleAsync);

    public static async Task<Results<Ok<StockMoved>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        Receipt? receipt;
        try
        {
            receipt = await JsonSerializer.DeserializeAsync<Receipt>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return AdminApi.Problem("warehouse-receipt-invalid", "The receipt is not valid JSON", e.Message);
        }
        if (receipt is null || string.IsNullOrWhiteSpace(receipt.WarehouseCode) || string.IsNullOrWhiteSpace(receipt.Sku))
        {
            return AdminApi.Problem("warehouse-receipt-invalid", "The receipt is incomplete", "Send {\"warehouseCode\":\"WH01\",\"sku\":\"SKU-000001\",\"quantity\":24}.");
        }
        if (receipt.Quantity is not (>= 1 and <= 1_000_000))
        {
            return AdminApi.Problem("warehouse-receipt-quantity", "Invalid quantity", "quantity must be a whole number from 1 to 1000000.");
        }
        return await WarehouseOperations.ApplyAsync(
            db, runtime, clock, ledger, request.Path, receipt.WarehouseCode, receipt.Sku,
            location => new StockTransaction
            {
                TransactionType = "increment", Sku = receipt.Sku, Quantity = receipt.Quantity, InventoryLocationId = location,
                Reason = "receipt", Notes = receipt.Reference,
            },
            cancellationToken);
    }
}

public sealed record Receipt(string? WarehouseCode, string? Sku, int Quantity, string? Reference = null);
