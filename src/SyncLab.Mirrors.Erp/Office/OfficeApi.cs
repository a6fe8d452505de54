using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncLab.MirrorKit.Admin;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Pricing;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>
/// What the back office does in the ERP, as SyncLab's own API (problem+json) under <c>/_synclab/erp</c>.
/// Items are found by number trimmed and case-insensitively, because the office's numbers drift.
/// </summary>
internal static class OfficeApi
{
    public static void MapOfficeApi(this WebApplication app)
    {
        var office = app.MapAdminGroup("erp");
        AdjustStock.Map(office);
        ChangePrice.Map(office);
        CreateItem.Map(office);
        EditItemCard.Map(office);
        ClosePeriod.Map(office);
        NumberSeriesSetup.Map(office);
        UpgradeApi.Map(office);
        SalesTaxSetup.Map(office);
        PublishPriceList.Map(office);
    }

    public static ProblemHttpResult UnknownItem(string number) =>
        AdminApi.Problem("erp-unknown-item", "No such item", $"No item numbered '{number}' (trimmed, any case).", StatusCodes.Status404NotFound);

    public static ProblemHttpResult Invalid(string type, string title, string detail) => AdminApi.Problem(type, title, detail);

    public static ProblemHttpResult Refused(BusinessRuleException rule) =>
        AdminApi.Problem(rule.Problem, "The ERP refused the change", rule.Message, StatusCodes.Status409Conflict);
}

/// <summary>An item as the office API reports it: the card fields a test usually asserts on.</summary>
public sealed record OfficeItem(
    Guid Id,
    string Number,
    string Description,
    string Description2,
    string Brand,
    bool WebEnabled,
    bool Blocked,
    decimal UnitPrice,
    decimal UnitCost,
    decimal Inventory,
    DateTimeOffset LastModifiedDateTime,
    string ETag)
{
    internal static OfficeItem Of(ItemRecord item) => new(
        item.Id, item.Number, item.DisplayName, item.DisplayName2, item.Brand, item.WebEnabled, item.Blocked,
        item.UnitPrice, item.UnitCost, item.Inventory, item.LastModifiedDateTime, ItemShape.Page.ETag!(item));
}
