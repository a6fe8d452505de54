using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// ERP customer card → its storefront shopper: the price group (B2B pricing) as the customer tag
/// <c>price-group:&lt;GROUP&gt;</c>, as Shopify B2B integrations do, a person's name, and the card's address as the
/// default address (country codes through the mapping's <c>codeTables.countries</c>). The card is read as it is
/// when the change is applied, so an older version queued late brings nothing older. Erased cards push nothing.
/// </summary>
public sealed class ShopperFromErpProcess(BusinessCentralClient erp, ShopifyCustomerClient shop, IDbContextFactory<EngineDb> dbs, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers.from-erp";

    public string Name => ProcessName;

    public static CapturedChange Change(Guid customerId, string number, DateTimeOffset modified) =>
        new(ProcessName, number, WorkQueue.Version(modified), JsonSerializer.Serialize(new CardRef(customerId)));

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var id = JsonSerializer.Deserialize<CardRef>(item.Payload)!.Id;
        string? storefrontId;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var key = id.ToString("D");
            storefrontId = (await db.IdMappings.AsNoTracking()
                .FirstOrDefaultAsync(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.LinkKind && m.Key == key, ct))?.TargetId;
            if (storefrontId is null || await ShopperRecords.ErasureAsync(db, item.Key, ct) is not null)
            {
                return ProcessOutcome.Nothing;
            }
        }
        var card = await erp.CustomerCardAsync(id, ct);
        var web = await erp.WebCustomerAsync(id, ct);
        var shopper = await shop.CustomerAsync(storefrontId, ct);
        if (card is null || web is null || shopper is null)
        {
            return ProcessOutcome.Nothing;
        }
        var change = ShopperPlan.StorefrontChanges(card, web, shopper, card.IsPerson, options.Shoppers, options.Catalog.Countries, options.Catalog.States);
        if (change.IsEmpty)
        {
            return ProcessOutcome.Nothing;
        }
        await shop.UpdateCustomerAsync(storefrontId, change.FirstName, change.LastName, change.Tags, ct, change.Addresses);
        return ProcessOutcome.Changed(
            $"ERP customer {card.Number} -> shopper {storefrontId}{(change.Tags is null ? string.Empty : $" tags [{string.Join(", ", change.Tags)}]")}"
            + $"{(change.LastName is null ? string.Empty : " name")}{(change.Addresses is null ? string.Empty : " address")}");
    }

    private sealed record CardRef(Guid Id);
}
