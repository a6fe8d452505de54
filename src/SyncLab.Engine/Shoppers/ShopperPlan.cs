using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Shoppers;

/// <summary>The storefront's names and tags the ERP side asks for; null fields stay as they are.</summary>
public sealed record StorefrontCustomerChange(string? FirstName, string? LastName, IReadOnlyList<string>? Tags)
{
    public bool IsEmpty => FirstName is null && LastName is null && Tags is null;
}

/// <summary>
/// Shopper data between the storefront and the ERP, as pure decisions: which ERP card is the shopper's, what on
/// the card follows the storefront (name of a person, address, phone, marketing consent), and what on the storefront
/// follows the ERP (a person's name, the price group as a tag). Only differences are written, so a change the engine
/// made itself comes back as nothing to do.
/// </summary>
public static class ShopperPlan
{
    /// <summary>The ERP card of the shopper: one, none (create), or several (legacy duplicates: a data error, never a guess).</summary>
    public static BcCustomerCard? Match(IReadOnlyList<BcCustomerCard> candidates, string email)
    {
        var same = candidates.Where(c => ShopperEmail.Same(c.Email, email)).OrderBy(c => c.Number, StringComparer.Ordinal).ToList();
        if (same.Count > 1)
        {
            throw new Catalog.DataErrorException(
                $"{same.Count} ERP customers share the e-mail {email} ({string.Join(", ", same.Select(c => c.Number))}): merge them in the ERP");
        }
        return same.FirstOrDefault();
    }

    /// <summary>
    /// Whether a shopper the ERP has no card for becomes an ERP customer now: an account holder does; a guest of checkout
    /// only with an order that stands (one cancelled before the engine saw it never reaches the ERP, nor does its shopper).
    /// </summary>
    public static bool BecomesErpCustomer(string state, bool hasLiveOrder) => string.Equals(state, "ENABLED", StringComparison.Ordinal) || hasLiveOrder;

    public static string? DisplayName(ShopifyCustomer shopper)
    {
        var name = $"{shopper.FirstName ?? shopper.DefaultAddress?.FirstName} {shopper.LastName ?? shopper.DefaultAddress?.LastName}".Trim();
        return name.Length > 0 ? Cut(name, 100) : null;
    }

    public static BcNewCustomer NewCustomer(ShopifyCustomer shopper)
    {
        var a = shopper.DefaultAddress;
        var email = ShopperEmail.Normalise(shopper.Email);
        return new BcNewCustomer(DisplayName(shopper) ?? email, "Person", email, Cut(a?.Phone ?? shopper.Phone, 30), Cut(a?.Address1, 100), Cut(a?.City, 30), Cut(a?.Zip, 20), Cut(a?.CountryCode, 10));
    }

    /// <summary>
    /// The card fields that differ from the storefront: a person's name (a company's name is the office's), the default
    /// address and the phone. What the storefront does not have is left as the ERP has it.
    /// </summary>
    public static JsonObject CardChanges(ShopifyCustomer shopper, BcCustomerCard card, bool isPerson)
    {
        var changes = new JsonObject();
        void Set(string field, string? wanted, string? current, int max)
        {
            var value = Cut(wanted?.Trim(), max);
            if (!string.IsNullOrEmpty(value) && !string.Equals(value, current?.Trim(), StringComparison.Ordinal))
            {
                changes[field] = value;
            }
        }
        if (isPerson)
        {
            Set("displayName", DisplayName(shopper), card.DisplayName, 100);
        }
        var a = shopper.DefaultAddress;
        if (a is not null)
        {
            Set("addressLine1", a.Address1, card.AddressLine1, 100);
            Set("addressLine2", shopper.Address2, card.AddressLine2, 50);
            Set("city", a.City, card.City, 30);
            Set("state", a.ProvinceCode, card.State, 30);
            Set("postalCode", a.Zip?.ToUpperInvariant(), card.PostalCode, 20);
            Set("country", a.CountryCode?.ToUpperInvariant(), card.Country, 10);
        }
        Set("phoneNumber", a?.Phone ?? shopper.Phone, card.PhoneNumber, 30);
        return changes;
    }

    /// <summary>Only a subscribed shopper has consented; pending (double opt-in not confirmed), unsubscribed and never asked have not.</summary>
    public static bool Consents(string marketingState) => string.Equals(marketingState, "SUBSCRIBED", StringComparison.Ordinal);

    /// <summary>
    /// What the storefront customer should show of the ERP card: the price group as the one engine-owned tag
    /// (<see cref="ShopperRules.PriceGroupTagPrefix"/>; the merchant's other tags stay), and a person's name.
    /// </summary>
    public static StorefrontCustomerChange StorefrontChanges(BcCustomerCard card, BcWebCustomer web, ShopifyCustomer shopper, bool isPerson, ShopperRules rules)
    {
        var merchantTags = shopper.Tags.Where(t => !t.StartsWith(rules.PriceGroupTagPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        var group = web.PriceGroup?.Trim().ToUpperInvariant();
        var wantedTags = string.IsNullOrEmpty(group) ? merchantTags : [.. merchantTags, rules.PriceGroupTagPrefix + group];
        var tags = wantedTags.Order(StringComparer.Ordinal).SequenceEqual(shopper.Tags.Order(StringComparer.Ordinal), StringComparer.Ordinal) ? null : wantedTags;

        string? first = null, last = null;
        var name = card.DisplayName.Trim();
        if (isPerson && name.Length > 0 && !string.Equals(name, $"{shopper.FirstName} {shopper.LastName}".Trim(), StringComparison.Ordinal))
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            (first, last) = space < 0 ? (string.Empty, name) : (name[..space], name[(space + 1)..]);
        }
        return new StorefrontCustomerChange(first, last, tags);
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
