using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>An item line of a request, checked against the item card.</summary>
internal sealed record ResolvedLine(ItemRecord Item, int Sequence, decimal Quantity, decimal UnitPrice, string Description);

/// <summary>
/// The item lines of sales documents (orders, credit memos), by <c>itemId</c> or <c>lineObjectNumber</c>:
/// the item must exist and not be blocked, the quantity must be positive; the unit price defaults to the card's.
/// </summary>
internal static class DocumentLines
{
    public static readonly string[] Fields = ["lineType", "lineObjectNumber", "itemId", "description", "quantity", "unitPrice", "sequence"];

    public static readonly string[] ReadOnly = ["id", "documentId", "amountExcludingTax", "amountIncludingTax", "netAmount", "unitOfMeasureCode"];

    /// <summary>The deep-insert array <paramref name="property"/> of a document body, each element checked.</summary>
    public static List<RequestBody> Inline(RequestBody document, string property, string lineEntityName) =>
        document.Raw(property) switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(l => RequestBody.Of(l, lineEntityName, Fields, ReadOnly)).ToList(),
            null or { ValueKind: JsonValueKind.Null } => [],
            _ => throw VendorError.BadRequest($"'{property}' must be an array of lines."),
        };

    /// <summary>Throws a <see cref="BusinessRuleException"/> for a blocked item; vendor errors for the rest.</summary>
    public static async Task<ResolvedLine> ResolveAsync(ErpDb db, RequestBody line, int sequence, CancellationToken cancellationToken)
    {
        if (line.String("lineType") is { } type && type != "Item")
        {
            throw VendorError.BadRequest($"Only 'Item' lines are supported by this mirror, not '{type}'.");
        }
        var itemId = line.Guid("itemId");
        var number = line.String("lineObjectNumber");
        if (itemId is null && string.IsNullOrWhiteSpace(number))
        {
            throw VendorError.Dialog("An itemId or a lineObjectNumber must be provided.");
        }
        // "No." is a Code field: BC upper-cases and trims what it is given, so match on the number key.
        var key = ItemWriter.NumberKey(number ?? string.Empty);
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => itemId != null ? i.Id == itemId : i.NumberKey == key, cancellationToken)
            ?? throw new VendorError(400, "Internal_RecordNotFound", $"The Item does not exist. Identification fields and values: No.='{number ?? itemId.ToString()}'");
        ItemRules.EnsureNotBlocked(item);
        var quantity = line.Decimal("quantity") ?? 0m;
        if (quantity <= 0)
        {
            throw VendorError.Dialog($"Quantity must be positive on line {sequence} ({item.Number.TrimEnd()}).");
        }
        return new ResolvedLine(item, sequence, quantity, line.Decimal("unitPrice") ?? item.UnitPrice, line.String("description") ?? item.DisplayName);
    }

    /// <summary>The sequence a line asks for, else 10,000 after the last.</summary>
    public static int NextSequence(RequestBody line, int last) => line.Decimal("sequence") is { } s ? (int)s : last + 10_000;
}
