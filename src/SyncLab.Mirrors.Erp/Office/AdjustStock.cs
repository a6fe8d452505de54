using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>The office posts an item journal line: stock goes up or down at a location.</summary>
public sealed record StockAdjustment(string? LocationCode, decimal Quantity, string? Reason, DateOnly? PostingDate);

/// <summary>The posted entry and the item's inventory after it.</summary>
public sealed record StockAdjusted(long EntryNumber, string ItemNumber, string LocationCode, decimal Quantity, decimal Inventory, DateOnly PostingDate, DateTimeOffset LastModifiedDateTime);

/// <summary><c>POST /_synclab/erp/items/{number}/stock-adjustments</c>.</summary>
internal static class AdjustStock
{
    public static void Map(RouteGroupBuilder office) => office.MapPost("/items/{number}/stock-adjustments", HandleAsync);

    private static async Task<Results<Created<StockAdjusted>, ProblemHttpResult>> HandleAsync(
        string number, StockAdjustment body, ErpDb db, ItemWriter writer, CancellationToken cancellationToken)
    {
        if (body.Quantity == 0)
        {
            return OfficeApi.Invalid("erp-invalid-quantity", "Nothing to post", "quantity must not be 0.");
        }
        var code = body.LocationCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || !await db.Locations.AnyAsync(l => l.Code == code, cancellationToken))
        {
            return OfficeApi.Invalid("erp-unknown-location", "No such location", $"locationCode '{body.LocationCode}' is not a location of the company.");
        }

        ItemEditResult result;
        try
        {
            var move = new StockMove(code, body.Quantity, string.IsNullOrWhiteSpace(body.Reason) ? "Stock adjustment" : body.Reason, body.PostingDate);
            result = await writer.EditByNumberAsync(number, new ItemEdit { Adjustment = move }, "the office", cancellationToken);
        }
        catch (BusinessRuleException rule)
        {
            return OfficeApi.Refused(rule);
        }
        if (result.Outcome == EditOutcome.NotFound)
        {
            return OfficeApi.UnknownItem(number);
        }
        var (item, entry) = (result.Item!, result.Entry!);
        return TypedResults.Created(
            $"/_synclab/erp/items/{Uri.EscapeDataString(number)}",
            new StockAdjusted(entry.Seq, item.Number, entry.LocationCode, entry.Quantity, item.Inventory, entry.PostingDate, item.LastModifiedDateTime));
    }
}
