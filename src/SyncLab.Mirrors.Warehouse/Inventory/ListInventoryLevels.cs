using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Inventory;

/// <summary>
/// <c>GET /v2/inventory</c> (getInventoryLevels): stock per SKU, filtered by <c>sku</c> (comma-separated),
/// <c>inventory_warehouse_id</c>, <c>inventory_location_id</c>. Without <c>group_by</c> one row per SKU
/// (summed over every location); <c>group_by=warehouse</c> one per SKU and warehouse; <c>group_by=location</c>
/// one per SKU and location. Paged by <c>limit</c> (default 100) with <c>links</c> carrying a <c>cursor</c>.
/// </summary>
public static class ListInventoryLevels
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder v2) => v2.MapGet("/inventory", HandleAsync);

    public static async Task<Results<JsonHttpResult<InventoryLevelsResponse>, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        HttpRequest request, WarehouseDb db, CancellationToken cancellationToken)
    {
        var (page, failure) = PageRequest.From(request.Query, "limit", DefaultLimit, MaxLimit);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        var groupBy = request.Query["group_by"].ToString();
        if (groupBy is not ("" or "warehouse" or "location"))
        {
            return ShipStationErrors.InvalidValue("group_by must be 'warehouse' or 'location'.").ToResult();
        }

        var levels = db.Levels.AsNoTracking();
        var skuFilter = request.Query["sku"].ToString();
        if (skuFilter.Length > 0)
        {
            var skus = skuFilter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            levels = levels.Where(l => skus.Contains(l.Sku));
        }
        if (request.Query["inventory_warehouse_id"].ToString() is { Length: > 0 } warehouseId)
        {
            levels = levels.Where(l => l.InventoryWarehouseId == warehouseId);
        }
        if (request.Query["inventory_location_id"].ToString() is { Length: > 0 } locationId)
        {
            levels = levels.Where(l => l.InventoryLocationId == locationId);
        }
        if (skuFilter.Length > 0)
        {
            // A few SKUs' levels: read them once, then count, group, page and cost them here, instead of reading
            // the store once per step (each read of an in-memory store walks every level of the estate).
            levels = (await levels.ToListAsync(cancellationToken)).AsQueryable();
        }

        var (rows, total) = groupBy switch
        {
            "location" => await PageAsync(
                levels.OrderBy(l => l.ProductOrdinal).ThenBy(l => l.LocationOrdinal)
                    .Select(l => new LevelRow(l.Sku, l.OnHand, l.Allocated, l.InventoryWarehouseId, l.InventoryLocationId)),
                page!, cancellationToken),
            "warehouse" => await PageAsync(
                levels.GroupBy(l => new { l.Sku, l.ProductOrdinal, l.InventoryWarehouseId })
                    .Select(g => new { g.Key, OnHand = g.Sum(l => l.OnHand), Allocated = g.Sum(l => l.Allocated), Location = g.Min(l => l.LocationOrdinal) })
                    .OrderBy(g => g.Key.ProductOrdinal).ThenBy(g => g.Location)
                    .Select(g => new LevelRow(g.Key.Sku, g.OnHand, g.Allocated, g.Key.InventoryWarehouseId, null)),
                page!, cancellationToken),
            _ => await PageAsync(
                levels.GroupBy(l => new { l.Sku, l.ProductOrdinal })
                    .Select(g => new { g.Key, OnHand = g.Sum(l => l.OnHand), Allocated = g.Sum(l => l.Allocated) })
                    .OrderBy(g => g.Key.ProductOrdinal)
                    .Select(g => new LevelRow(g.Key.Sku, g.OnHand, g.Allocated, null, null)),
                page!, cancellationToken),
        };
        var costs = await CostsAsync(levels, rows, cancellationToken);
        var currency = (await db.Products.AsNoTracking().Select(p => p.Currency).FirstOrDefaultAsync(cancellationToken)) ?? "usd";
        var inventory = rows.Select(r => new InventoryLevel(
            r.Sku, r.OnHand, r.Allocated, r.OnHand - r.Allocated,
            new MoneyAmount(AverageCost(costs, r), currency), r.InventoryWarehouseId, r.InventoryLocationId)).ToList();
        return TypedResults.Json(
            new InventoryLevelsResponse(inventory, total, page!.Page, PageRequest.Pages(total, page.Size), page.Links(request, total)),
            ShipStationJson.Options);
    }

    private static async Task<(List<LevelRow> Rows, int Total)> PageAsync(IQueryable<LevelRow> query, PageRequest page, CancellationToken cancellationToken)
    {
        if (query is not IAsyncEnumerable<LevelRow>)
        {
            return (query.Skip(page.Skip).Take(page.Size).ToList(), query.Count());
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return (rows, total);
    }

    // Costs are averaged here rather than in SQL: SQLite cannot aggregate decimals.
    private static async Task<List<WhLevel>> CostsAsync(IQueryable<WhLevel> levels, List<LevelRow> rows, CancellationToken cancellationToken)
    {
        var skus = rows.Select(r => r.Sku).Distinct().ToList();
        var mine = levels.Where(l => skus.Contains(l.Sku));
        return mine is IAsyncEnumerable<WhLevel> ? await mine.ToListAsync(cancellationToken) : mine.ToList();
    }

    /// <summary>The on-hand-weighted average cost of the levels a row stands for.</summary>
    private static decimal AverageCost(List<WhLevel> levels, LevelRow row)
    {
        var mine = levels.Where(l => l.Sku == row.Sku
            && (row.InventoryWarehouseId is null || l.InventoryWarehouseId == row.InventoryWarehouseId)
            && (row.InventoryLocationId is null || l.InventoryLocationId == row.InventoryLocationId)).ToList();
        var units = mine.Sum(l => l.OnHand);
        return units > 0
            ? decimal.Round(mine.Sum(l => l.AverageCost * l.OnHand) / units, 4)
            : mine.Select(l => l.AverageCost).DefaultIfEmpty(0).Max();
    }

    private sealed record LevelRow(string Sku, int OnHand, int Allocated, string? InventoryWarehouseId, string? InventoryLocationId);
}

/// <summary>ShipStation's money as inventory uses it: <c>{amount, currency}</c>.</summary>
public sealed record MoneyAmount(decimal Amount, string Currency);

/// <summary>One row of <c>inventory</c>: <c>available</c> = <c>on_hand</c> − <c>allocated</c>.</summary>
public sealed record InventoryLevel(
    string Sku, int OnHand, int Allocated, int Available, MoneyAmount AverageCost, string? InventoryWarehouseId, string? InventoryLocationId);

public sealed record InventoryLevelsResponse(IReadOnlyList<InventoryLevel> Inventory, int Total, int Page, int Pages, PageLinks Links);
