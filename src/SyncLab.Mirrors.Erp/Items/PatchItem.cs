using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Items;

/// <summary>
/// <c>PATCH companies({id})/items({id})</c> with <c>If-Match</c>: missing → 400 BadRequest_InvalidToken,
/// stale → 412 (setting) Request_EntityChanged. Setting <c>inventory</c> posts the difference as an
/// adjustment, as the vendor's page does.
/// </summary>
internal static class PatchItem
{
    private static readonly string[] Writable =
    [
        "displayName", "displayName2", "blocked", "gtin", "inventory", "unitPrice", "priceIncludesTax", "unitCost",
        "itemCategoryCode", "baseUnitOfMeasureCode", "type",
    ];

    private static readonly string[] ReadOnly =
    [
        "id", "number", "itemCategoryId", "taxGroupId", "taxGroupCode", "baseUnitOfMeasureId", "generalProductPostingGroupId",
        "generalProductPostingGroupCode", "inventoryPostingGroupId", "inventoryPostingGroupCode", "lastModifiedDateTime",
    ];

    public static void Map(VendorRoutes routes) => routes.Add(VendorRoutes.Standard, "PATCH", "companies()/items()", HandleAsync);

    private static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.Header("If-Match");
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw VendorError.MissingETag();
        }
        var edit = Parse(RequestBody.Of(request.Body, ItemShape.Page.EntityName, Writable, ReadOnly));

        ItemEditResult result;
        try
        {
            result = await request.Service<ItemWriter>().EditByIdAsync(id, ifMatch.Trim(), edit, "API PATCH", cancellationToken);
        }
        catch (BusinessRuleException rule)
        {
            throw new VendorError(400, rule.Code, rule.Message);
        }
        return result.Outcome switch
        {
            EditOutcome.NotFound => throw VendorError.RecordNotFound("Item", id),
            EditOutcome.Stale => throw VendorError.StaleETag(request.Service<ErpMirrorSettings>().StaleETagStatus),
            _ => VendorResponse.Entity(200, ItemShape.Page, result.Item!, request.Context($"companies({request.Segments[0].Key})/items/$entity")),
        };
    }

    private static ItemEdit Parse(RequestBody body)
    {
        if (body.String("type") is { } type && type != "Inventory")
        {
            throw VendorError.BadRequest($"'{type}' is not an option. The existing options are: Inventory,Service,Non-Inventory");
        }
        return new ItemEdit
        {
            DisplayName = body.String("displayName"),
            DisplayName2 = body.String("displayName2"),
            Blocked = body.Boolean("blocked"),
            Gtin = body.String("gtin"),
            Inventory = body.Decimal("inventory"),
            UnitPrice = body.Decimal("unitPrice"),
            PriceIncludesTax = body.Boolean("priceIncludesTax"),
            UnitCost = body.Decimal("unitCost"),
            ItemCategoryCode = body.String("itemCategoryCode"),
            BaseUnitOfMeasureCode = body.String("baseUnitOfMeasureCode"),
        };
    }
}
