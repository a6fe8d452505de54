using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.Mirrors.Erp.Items;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>Fields the office may change on an item card; absent fields stay as they are.</summary>
public sealed record ItemCardChange(
    string? Description,
    string? Description2,
    string? Brand,
    bool? WebEnabled,
    bool? Blocked,
    string? Gtin,
    decimal? UnitCost,
    string? Category = null,
    string? BaseUnitOfMeasure = null,
    string? LifecycleCode = null,
    DateOnly? RestockDate = null,
    bool? AllowBackorder = null,
    int? LowStockThreshold = null,
    DateOnly? SeasonStartDate = null,
    DateOnly? SeasonEndDate = null);

/// <summary><c>GET</c> and <c>PATCH /_synclab/erp/items/{number}</c>: look at or edit an item card as the office does.</summary>
internal static class EditItemCard
{
    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/items/{number}", GetAsync);
        office.MapPatch("/items/{number}", PatchAsync);
    }

    private static async Task<Results<Ok<OfficeItem>, ProblemHttpResult>> GetAsync(string number, ItemWriter writer, CancellationToken cancellationToken) =>
        await writer.FindByNumberAsync(number, cancellationToken) is { } item ? TypedResults.Ok(OfficeItem.Of(item)) : OfficeApi.UnknownItem(number);

    private static async Task<Results<Ok<OfficeItem>, ProblemHttpResult>> PatchAsync(
        string number, ItemCardChange body, ItemWriter writer, CancellationToken cancellationToken)
    {
        if (body.UnitCost is < 0)
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "unitCost must not be negative.");
        }
        if (body.LowStockThreshold is < 0)
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "lowStockThreshold must not be negative.");
        }
        if (body.LifecycleCode is { Length: > 10 } || body.Category is { Length: > 20 } || body.BaseUnitOfMeasure is { Length: > 10 })
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "lifecycleCode and baseUnitOfMeasure are at most 10 characters, category at most 20 (BC's Code fields).");
        }
        if (body.SeasonStartDate is { } start && body.SeasonEndDate is { } end && end != DateOnly.MinValue && end < start)
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "seasonEndDate must not be before seasonStartDate.");
        }
        var edit = new ItemEdit
        {
            DisplayName = body.Description,
            DisplayName2 = body.Description2,
            Brand = body.Brand,
            WebEnabled = body.WebEnabled,
            Blocked = body.Blocked,
            Gtin = body.Gtin,
            UnitCost = body.UnitCost,
            ItemCategoryCode = body.Category,
            BaseUnitOfMeasureCode = body.BaseUnitOfMeasure,
            LifecycleCode = body.LifecycleCode,
            RestockDate = body.RestockDate,
            AllowBackorder = body.AllowBackorder,
            LowStockThreshold = body.LowStockThreshold,
            SeasonStartDate = body.SeasonStartDate,
            SeasonEndDate = body.SeasonEndDate,
        };
        var result = await writer.EditByNumberAsync(number, edit, "the office", cancellationToken);
        return result.Outcome == EditOutcome.NotFound ? OfficeApi.UnknownItem(number) : TypedResults.Ok(OfficeItem.Of(result.Item!));
    }
}
