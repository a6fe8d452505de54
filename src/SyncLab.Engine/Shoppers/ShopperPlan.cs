using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Shoppers;

/// <summary>The storefront's names, tags and addresses the ERP side asks for; null fields stay as they are.</summary>
public sealed record StorefrontCustomerChange(string? FirstName, string? LastName, IReadOnlyList<string>? Tags)
{
    /// <summary>The customer's whole address list, the card's address first (the default): <c>customerUpdate</c> replaces the list.</summary>
    public IReadOnlyList<ShopifyMailingAddress>? Addresses { get; init; }

    public bool IsEmpty => FirstName is null && LastName is null && Tags is null && Addresses is null;
}

/// <summary>
/// Shopper data between the storefront and the ERP, as pure decisions: which ERP card is the shopper's, what on
/// the card follows the storefront (name of a person, address, phone, marketing consent), and what on the storefront
/// follows the ERP (a person's name, the price group as a tag, the card's address as the default address). Only differences are written, so a change the engine
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
    public static JsonObject CardChanges(
        ShopifyCustomer shopper, BcCustomerCard card, bool isPerson, IReadOnlyDictionary<string, string>? countries = null, IReadOnlyDictionary<string, string>? states = null)
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
            // The second line and the state belong to the street address: a new address without them clears the card's.
            Clear("addressLine2", shopper.Address2, card.AddressLine2, a.Address1);
            Set("addressLine2", shopper.Address2, card.AddressLine2, 50);
            Set("city", a.City, card.City, 30);
            Clear("state", a.ProvinceCode, card.State, a.Address1);
            // The office's "Oregon" is the storefront's OR: the same state is no change (the card keeps the office's name).
            if (!string.Equals(StateCode(card.State, states ?? Products.CatalogRules.Default.States), a.ProvinceCode?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                Set("state", a.ProvinceCode, card.State, 30);
            }
            Set("postalCode", a.Zip?.ToUpperInvariant(), card.PostalCode, 20);
            // The office's "UK" is the storefront's GB: the same country is no change (the card keeps the office's code).
            if (!string.Equals(CountryCodeOrNull(card.Country, countries ?? Products.CatalogRules.Default.Countries), a.CountryCode, StringComparison.OrdinalIgnoreCase))
            {
                Set("country", a.CountryCode?.ToUpperInvariant(), card.Country, 10);
            }
        }
        Set("phoneNumber", a?.Phone ?? shopper.Phone, card.PhoneNumber, 30);
        return changes;

        void Clear(string field, string? wanted, string? current, string? street)
        {
            if (string.IsNullOrWhiteSpace(wanted) && !string.IsNullOrWhiteSpace(current) && !string.IsNullOrWhiteSpace(street))
            {
                changes[field] = string.Empty;
            }
        }
    }

    /// <summary>
    /// The storefront's address list when the card's address is not the storefront customer's default: the card's street
    /// (both lines), city, state, post code and country over the default address (names, company and phone stay the
    /// storefront's), first, then the customer's other addresses as they are. A card without a street pushes nothing; a
    /// blank city, post code or country is left as the storefront has it (the second line and the state belong to the
    /// street and go with it). Fields are compared as the card holds them (trimmed, any case, cut to the card's lengths),
    /// so an address the card took from the storefront never comes back as a change.
    /// </summary>
    public static IReadOnlyList<ShopifyMailingAddress>? AddressChanges(
        BcCustomerCard card, ShopifyCustomer shopper, IReadOnlyDictionary<string, string> countries, IReadOnlyDictionary<string, string>? states = null)
    {
        if (string.IsNullOrWhiteSpace(card.AddressLine1))
        {
            return null;
        }
        var current = shopper.Addresses.FirstOrDefault(a => a.Id is not null && a.Id == shopper.DefaultAddressId)
            ?? (shopper.DefaultAddress is { } d
                ? new ShopifyMailingAddress(null, d.FirstName, d.LastName, null, d.Address1, shopper.Address2, d.City, d.ProvinceCode, d.Zip, d.CountryCode, d.Phone)
                : null);
        var wanted = new ShopifyMailingAddress(
            null, current?.FirstName ?? shopper.FirstName, current?.LastName ?? shopper.LastName, current?.Company,
            card.AddressLine1.Trim(), Blank(card.AddressLine2), Pick(card.City, current?.City),
            StateCode(card.State, states ?? Products.CatalogRules.Default.States), Pick(card.PostalCode, current?.Zip), CountryCode(card, countries) ?? current?.CountryCode,
            current?.Phone);
        if (current is not null && SamePlace(current, wanted))
        {
            return null;
        }
        return [wanted, .. shopper.Addresses.Where(a => !(a.Id is not null && a.Id == shopper.DefaultAddressId) && !SamePlace(a, wanted)).Select(a => a with { Id = null })];
    }

    /// <summary>
    /// The storefront's country code for a card (<see cref="Products.CatalogRules.Countries"/>: the office's "UK" is GB, a
    /// blank country what the mapping says); null for a blank one the mapping does not name. A code that is not two
    /// letters and not in the table is a data error: the storefront takes ISO 3166 codes only.
    /// </summary>
    public static string? CountryCode(BcCustomerCard card, IReadOnlyDictionary<string, string> countries) =>
        CountryCodeOrNull(card.Country, countries) is { } code
            ? code
            : string.IsNullOrWhiteSpace(card.Country)
                ? null
                : throw new Catalog.DataErrorException(
                    $"ERP customer {card.Number}: country '{card.Country.Trim()}' is not an ISO 3166 two-letter code: correct the card or map the code in the mapping file (codeTables.countries)");

    /// <summary>
    /// The storefront's province code for a card's state (<see cref="Products.CatalogRules.States"/>: "Oregon" is OR);
    /// one not in the table goes as it is, upper-cased, and the storefront says whether it knows it. Null when blank.
    /// </summary>
    public static string? StateCode(string? erpState, IReadOnlyDictionary<string, string> states)
    {
        var state = Blank(erpState);
        return state is null ? null : states.TryGetValue(state, out var code) ? code : state.ToUpperInvariant();
    }

    private static string? CountryCodeOrNull(string? erpCountry, IReadOnlyDictionary<string, string> countries)
    {
        var code = (erpCountry ?? string.Empty).Trim();
        if (countries.TryGetValue(code, out var mapped))
        {
            return mapped;
        }
        return code.Length == 2 && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;
    }

    private static string? Pick(string? erp, string? storefront) => string.IsNullOrWhiteSpace(erp) ? storefront : erp.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool SamePlace(ShopifyMailingAddress storefront, ShopifyMailingAddress card) =>
        Same(storefront.Address1, card.Address1, 100) && Same(storefront.Address2, card.Address2, 50) && Same(storefront.City, card.City, 30)
        && Same(storefront.ProvinceCode, card.ProvinceCode, 30) && Same(storefront.Zip, card.Zip, 20) && Same(storefront.CountryCode, card.CountryCode, 10);

    private static bool Same(string? storefront, string? card, int max) =>
        string.Equals(Cut(storefront?.Trim() ?? string.Empty, max), Cut(card?.Trim() ?? string.Empty, max), StringComparison.OrdinalIgnoreCase);

    /// <summary>Only a subscribed shopper has consented; pending (double opt-in not confirmed), unsubscribed and never asked have not.</summary>
    public static bool Consents(string marketingState) => string.Equals(marketingState, "SUBSCRIBED", StringComparison.Ordinal);

    /// <summary>
    /// What the storefront customer should show of the ERP card: the price group as the one engine-owned tag
    /// (<see cref="ShopperRules.PriceGroupTagPrefix"/>; the merchant's other tags stay), and a person's name.
    /// </summary>
    public static StorefrontCustomerChange StorefrontChanges(
        BcCustomerCard card, BcWebCustomer web, ShopifyCustomer shopper, bool isPerson, ShopperRules rules,
        IReadOnlyDictionary<string, string>? countries = null, IReadOnlyDictionary<string, string>? states = null)
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
        return new StorefrontCustomerChange(first, last, tags) { Addresses = AddressChanges(card, shopper, countries ?? Products.CatalogRules.Default.Countries, states) };
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
