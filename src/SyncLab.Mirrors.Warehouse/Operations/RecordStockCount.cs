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
/// <c>POST /_synclab/warehouse/stock-counts</c>: a stocktake counts a SKU's shelf and the count replaces
/// the book quantity, the same ShipStation <c>adjust</c> a counting clerk would send.
/// </summary>
public static class RecordStockCount
{
    public static void Map(RouteGroupBuilder warehouse) => warehouse.MapPost("/stock-counts", HandleAsync);

    public static async Task<Results<Ok<StockMoved>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        StockCount? count;
        try
        {
            count = await JsonSerializer.DeserializeAsync<StockCount>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return AdminApi.Problem("warehouse-count-invalid", "The stock count is not valid JSON", e.Message);
        }
        if (count is null || string.IsNullOrWhiteSpace(count.WarehouseCode) || string.IsNullOrWhiteSpace(count.Sku) || count.CountedQuantity is null)
        {
            return AdminApi.Problem("warehouse-count-invalid", "The stock count is incomplete", "Send {\"warehouseCode\":\"WH01\",\"sku\":\"SKU-000001\",\"countedQuantity\":17}.");
        }
        if (count.CountedQuantity is not (>= 0 and <= 1_000_000))
        {
            return AdminApi.Problem("warehouse-count-quantity", "Invalid counted quantity", "countedQuantity must be a whole number from 0 to 1000000.");
        }
        return await WarehouseOperations.ApplyAsync(
            db, runtime, clock, ledger, request.Path, count.WarehouseCode, count.Sku,
            location => new StockTransaction
            {
                TransactionType = "adjust", Sku = count.Sku, Quantity = count.CountedQuantity, InventoryLocationId = location,
                Reason = "stock count", Notes = count.Reference,
            },
            cancellationToken);
    }
}

public sealed record StockCount(string? WarehouseCode, string? Sku, int? CountedQuantity, string? Reference = null);
