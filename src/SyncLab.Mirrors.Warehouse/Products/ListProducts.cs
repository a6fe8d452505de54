using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Products;

/// <summary>
/// <c>GET /v2/products</c> (listProducts): every estate item, blocked ones inactive; filters <c>sku</c>
/// (exact), <c>name</c> (contains), <c>active</c>; paged by <c>page_size</c> (1–100, default 100) and <c>page</c>.
/// </summary>
public static class ListProducts
{
    public const int MaxPageSize = 100;

    public static void Map(RouteGroupBuilder v2) => v2.MapGet("/products", HandleAsync);

    public static async Task<Results<JsonHttpResult<ProductsResponse>, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, CancellationToken cancellationToken)
    {
        var (page, failure) = PageRequest.From(request.Query, "page_size", MaxPageSize, MaxPageSize);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        var products = db.Products.AsNoTracking();
        if (request.Query["sku"].ToString() is { Length: > 0 } sku)
        {
            var key = sku.Trim().ToUpperInvariant();
            products = products.Where(p => p.SkuKey == key);
        }
        if (request.Query["name"].ToString() is { Length: > 0 } name)
        {
            var key = name.ToUpperInvariant();
            products = products.Where(p => p.NameKey.Contains(key));
        }
        if (request.Query["active"].ToString() is { Length: > 0 } activeText)
        {
            if (!bool.TryParse(activeText, out var active))
            {
                return ShipStationErrors.InvalidValue("active must be true or false.").ToResult();
            }
            products = products.Where(p => p.Active == active);
        }
        var total = await products.CountAsync(cancellationToken);
        var rows = await products.OrderBy(p => p.Ordinal).Skip(page!.Skip).Take(page.Size).ToListAsync(cancellationToken);
        var bin = runtime.Settings.DefaultLocationName;
        return TypedResults.Json(
            new ProductsResponse(rows.Select(p => ToShipStation(p, bin)).ToList(), total, page.Page, PageRequest.Pages(total, page.Size), page.Links(request, total, byPageNumber: true)),
            ShipStationJson.Options);
    }

    private static Product ToShipStation(WhProduct p, string bin) => new()
    {
        ProductId = p.ProductId,
        Sku = p.Sku,
        Name = p.Name,
        Upc = p.Upc,
        Price = new ProductPrice(p.Currency, p.Price),
        CreateDate = ShipStationJson.Time(p.CreatedAt),
        ModifyDate = ShipStationJson.Time(p.CreatedAt),
        Active = p.Active,
        ProductCategory = p.CategoryId is { } id ? new ProductCategory(id, p.Category!) : null,
        WarehouseLocation = bin,
    };
}

/// <summary>A product as <c>GET /v2/products</c> returns it (the properties this mirror fills).</summary>
public sealed record Product
{
    public int ProductId { get; init; }

    public required string Sku { get; init; }

    public required string Name { get; init; }

    public string? Upc { get; init; }

    public ProductPrice? Price { get; init; }

    public string? CreateDate { get; init; }

    public string? ModifyDate { get; init; }

    public bool Active { get; init; }

    public ProductCategory? ProductCategory { get; init; }

    public string? WarehouseLocation { get; init; }
}

public sealed record ProductPrice(string Currency, decimal Amount);

public sealed record ProductCategory(int ProductCategoryId, string Name);

public sealed record ProductsResponse(IReadOnlyList<Product> Products, int Total, int Page, int Pages, PageLinks Links);
