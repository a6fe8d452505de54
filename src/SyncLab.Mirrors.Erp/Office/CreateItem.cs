using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>A new item card as the office keys it; the number is kept exactly as typed.</summary>
public sealed record NewItem(
    string? Number,
    string? Description,
    string? Description2,
    decimal? UnitPrice,
    decimal? UnitCost,
    bool? WebEnabled,
    string? Brand,
    string? Gtin,
    string? Category,
    string? BaseUnitOfMeasure,
    bool? Blocked);

/// <summary><c>POST /_synclab/erp/items</c>.</summary>
internal static class CreateItem
{
    public static void Map(RouteGroupBuilder office) => office.MapPost("/items", HandleAsync);

    private static async Task<Results<Created<OfficeItem>, ProblemHttpResult>> HandleAsync(
        NewItem body, ItemWriter writer, ErpCompany company, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Number) || body.Number.Length > 20)
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "number is required, at most 20 characters (BC's Code[20]).");
        }
        if (string.IsNullOrWhiteSpace(body.Description))
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "description is required.");
        }
        if (body.UnitPrice is < 0 || body.UnitCost is < 0)
        {
            return OfficeApi.Invalid("erp-invalid-item", "Invalid item", "unitPrice and unitCost must not be negative.");
        }
        var category = string.IsNullOrWhiteSpace(body.Category) ? "MISC" : body.Category;
        var unit = string.IsNullOrWhiteSpace(body.BaseUnitOfMeasure) ? "PCS" : body.BaseUnitOfMeasure;
        var template = new ItemRecord
        {
            Number = body.Number,
            DisplayName = body.Description,
            DisplayName2 = body.Description2 ?? string.Empty,
            ItemCategoryCode = category,
            ItemCategoryId = StableIds.For(company.Seed, "itemCategory", category),
            Blocked = body.Blocked ?? false,
            Gtin = body.Gtin ?? string.Empty,
            UnitPrice = body.UnitPrice ?? 0m,
            UnitCost = body.UnitCost ?? 0m,
            TaxGroupCode = "TAXABLE",
            TaxGroupId = StableIds.For(company.Seed, "taxGroup", "TAXABLE"),
            BaseUnitOfMeasureCode = unit,
            BaseUnitOfMeasureId = StableIds.For(company.Seed, "unitOfMeasure", unit),
            GeneralProductPostingGroupCode = "RETAIL",
            GeneralProductPostingGroupId = StableIds.For(company.Seed, "genProdPostingGroup", "RETAIL"),
            InventoryPostingGroupCode = "RESALE",
            InventoryPostingGroupId = StableIds.For(company.Seed, "inventoryPostingGroup", "RESALE"),
            WebEnabled = body.WebEnabled ?? false,
            Brand = body.Brand ?? string.Empty,
        };
        var item = await writer.CreateAsync(template, "the office", cancellationToken);
        return item is null
            ? OfficeApi.Refused(new Rules.BusinessRuleException("erp-duplicate-item", "Internal_EntityWithSameKeyExists", $"An item numbered '{body.Number.Trim()}' (any case) already exists."))
            : TypedResults.Created($"/_synclab/erp/items/{Uri.EscapeDataString(item.NumberKey)}", OfficeItem.Of(item));
    }
}
