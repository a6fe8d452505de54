using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// Storefront customer → ERP customer card. The card is found by e-mail, trimmed and case-folded (never a second card
/// for the same shopper; two legacy cards with the same e-mail are a data error, not a guess) or created — for an
/// account holder, or a guest whose order stands (a guest whose only order was cancelled unseen is nobody's customer);
/// then a person's name, the default address, the phone and the marketing consent (the commerce page's field) follow the
/// storefront. The link is handed on to the ERP → storefront side at once, so a card's price group shows from the start.
/// </summary>
public sealed class ShopperToErpProcess(
    BusinessCentralClient erp, ShopifyCustomerClient shop, IDbContextFactory<EngineDb> dbs, ShopperLocks locks, TimeProvider clock, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var shopper = JsonSerializer.Deserialize<ShopifyCustomer>(item.Payload)!;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await ShopperRecords.IsForgottenAsync(db, shopper.Id, ct))
        {
            return ProcessOutcome.Changed($"shopper {shopper.Id} asked to be forgotten: nothing goes to the ERP");
        }
        var email = ShopperEmail.Normalise(shopper.Email);
        if (email.Length == 0)
        {
            throw new DataErrorException($"storefront customer {shopper.Id} has no e-mail to match an ERP customer by");
        }
        using (await locks.EnterAsync(email, ct))
        {
            var card = ShopperPlan.Match(await erp.CustomerCardsLikeEmailAsync(email, ct), email);
            var created = card is null;
            if (card is null && !ShopperPlan.BecomesErpCustomer(shopper.State, await shop.HasLiveOrderAsync(shopper.Id, ct)))
            {
                return ProcessOutcome.Changed($"shopper {shopper.Id} is a guest without an order that stands: not an ERP customer");
            }
            if (card is null)
            {
                var made = await erp.CreateCustomerAsync(ShopperPlan.NewCustomer(shopper), ct);
                card = await erp.CustomerCardAsync(made.Id, ct) ?? throw new VendorCallException("erp", $"customer {made.Number} not found after creating it", transient: true);
            }
            var changes = ShopperPlan.CardChanges(shopper, card, card.IsPerson, options.Catalog.Countries, options.Catalog.States);
            if (changes.Count > 0)
            {
                card = await erp.PatchCustomerAsync(card.Id, card.ETag!, changes, ct);
            }
            var consent = ShopperPlan.Consents(shopper.MarketingState);
            var web = await erp.WebCustomerAsync(card.Id, ct) ?? throw new DataErrorException($"ERP customer {card.Number} is not on the commerce page");
            if (web.MarketingConsent != consent)
            {
                web = await erp.PatchWebCustomerAsync(card.Id, web.ETag!, new JsonObject { ["marketingConsent"] = consent }, ct);
            }
            var id = card.Id.ToString("D");
            var link = await db.IdMappings.AsNoTracking().FirstOrDefaultAsync(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.LinkKind && m.Key == id, ct);
            var since = ShopperRecords.ParseDay(link?.Extra) ?? Today();
            // The first look from the ERP side is versioned a tick before the card's last change: the office may change
            // the card again within the same instant, and that change, captured at the card's timestamp, must still apply.
            var what = created ? "created" : changes.Count > 0 || web.LastModifiedDateTime > card.LastModifiedDateTime ? "updated" : "matched";
            return ProcessOutcome.Changed(
                $"shopper {shopper.Id} -> ERP customer {card.Number} {what}{(changes.Count > 0 ? $" ({string.Join(", ", changes.Select(c => c.Key))})" : string.Empty)}, marketing consent {consent}",
                ShopperRecords.EmailReference(email, card),
                ShopperRecords.Link(card, shopper.Id, since))
                with { FollowUps = link is null ? [ShopperFromErpProcess.Change(card.Id, card.Number, Max(card.LastModifiedDateTime, web.LastModifiedDateTime).AddTicks(-1))] : [] };
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.MerchantZone()).DateTime);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
