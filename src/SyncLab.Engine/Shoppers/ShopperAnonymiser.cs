using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.BusinessCentral;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// Carries out a retention decision on one ERP card. Erase: the card keeps its number (the books refer to it) and
/// loses everything about the person — name, address, phone, e-mail, consent, price group — and is blocked. Restrict:
/// name and address stay for the books; phone, e-mail and consent go, and the card is blocked for new sales. Only
/// fields that still differ are written, so doing it twice changes nothing the second time.
/// </summary>
public sealed class ShopperAnonymiser(BusinessCentralClient erp, ShopperRules rules)
{
    public async Task ApplyAsync(BcCustomerCard card, RetentionVerdict verdict, CancellationToken ct)
    {
        if (verdict == RetentionVerdict.Keep)
        {
            return;
        }
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["phoneNumber"] = card.PhoneNumber,
            ["email"] = card.Email,
            ["blocked"] = card.Blocked,
        };
        var target = new Dictionary<string, string>(StringComparer.Ordinal) { ["phoneNumber"] = string.Empty, ["email"] = string.Empty, ["blocked"] = "All" };
        if (verdict == RetentionVerdict.Erase)
        {
            wanted["displayName"] = card.DisplayName;
            wanted["addressLine1"] = card.AddressLine1;
            wanted["addressLine2"] = card.AddressLine2;
            wanted["city"] = card.City;
            wanted["state"] = card.State;
            wanted["postalCode"] = card.PostalCode;
            target["displayName"] = rules.ErasedName;
            target["addressLine1"] = target["addressLine2"] = target["city"] = target["state"] = target["postalCode"] = string.Empty;
        }
        var patch = new JsonObject();
        foreach (var (field, value) in target)
        {
            if (!string.Equals(wanted[field] ?? string.Empty, value, StringComparison.Ordinal))
            {
                patch[field] = value;
            }
        }
        if (patch.Count > 0)
        {
            await erp.PatchCustomerAsync(card.Id, card.ETag!, patch, ct);
        }
        var web = await erp.WebCustomerAsync(card.Id, ct);
        if (web is null)
        {
            return;
        }
        var webPatch = new JsonObject();
        if (web.MarketingConsent)
        {
            webPatch["marketingConsent"] = false;
        }
        if (verdict == RetentionVerdict.Erase && !string.IsNullOrEmpty(web.PriceGroup))
        {
            webPatch["priceGroup"] = string.Empty;
        }
        if (webPatch.Count > 0)
        {
            await erp.PatchWebCustomerAsync(card.Id, web.ETag!, webPatch, ct);
        }
    }
}
