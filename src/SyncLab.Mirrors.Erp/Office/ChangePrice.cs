using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.Mirrors.Erp.Items;

namespace SyncLab.Mirrors.Erp.Office;

public sealed record PriceChange(decimal? UnitPrice);

/// <summary><c>POST /_synclab/erp/items/{number}/price</c>: the office changes the item card's unit price.</summary>
internal static class ChangePrice
{
    public static void Map(RouteGroupBuilder office) => office.MapPost("/items/{number}/price", HandleAsync);

    private static async Task<Results<Ok<OfficeItem>, ProblemHttpResult>> HandleAsync(
        string number, PriceChange body, ItemWriter writer, CancellationToken cancellationToken)
    {
        if (body.UnitPrice is not { } price || price < 0)
        {
            return OfficeApi.Invalid("erp-invalid-price", "Invalid price", "unitPrice is required and must not be negative.");
        }
        var result = await writer.EditByNumberAsync(number, new ItemEdit { UnitPrice = price }, "the office", cancellationToken);
        return result.Outcome == EditOutcome.NotFound ? OfficeApi.UnknownItem(number) : TypedResults.Ok(OfficeItem.Of(result.Item!));
    }
}
