using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// What the engine's store may still hold of one shopper after an erasure: the e-mail, names, phone numbers and address
/// lines, gathered from the ERP cards (before they were anonymised) and the storefront customer's payloads.
/// <see cref="KeepForBooks"/>: an invoice inside the bookkeeping period restricted a card, so the order documents in the
/// queue keep the name and the address (the books must say whom they invoiced), as the card does.
/// </summary>
public sealed record ShopperTraces(
    string StorefrontId, string Email, IReadOnlyList<string> Names, IReadOnlyList<string> Phones, IReadOnlyList<string> Places, bool KeepForBooks)
{
    /// <summary>
    /// What the store is searched for (lower case, as written and as JSON escapes it): the e-mail, and the full names (a
    /// shipment to the warehouse names the shopper without the e-mail). A first or last name alone would find strangers.
    /// </summary>
    public IReadOnlyList<string> SearchTerms() =>
        new[] { Email }.Concat(Names.Where(n => n.Contains(' ', StringComparison.Ordinal)))
            .Where(t => t.Length > 0)
            .SelectMany(t => new[] { t, JsonEncodedText.Encode(t).Value })
            .Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public static ShopperTraces Gather(string storefrontId, string email, IEnumerable<BcCustomerCard> cards, IEnumerable<ShopifyCustomer> shoppers, bool keepForBooks)
    {
        var names = new List<string?>();
        var phones = new List<string?>();
        var places = new List<string?>();
        foreach (var card in cards)
        {
            names.Add(card.DisplayName);
            phones.Add(card.PhoneNumber);
            places.AddRange([card.AddressLine1, card.AddressLine2, card.City, card.PostalCode]);
        }
        foreach (var shopper in shoppers)
        {
            names.AddRange([shopper.FirstName, shopper.LastName, $"{shopper.FirstName} {shopper.LastName}"]);
            phones.Add(shopper.Phone);
            if (shopper.DefaultAddress is { } d)
            {
                names.AddRange([d.FirstName, d.LastName, $"{d.FirstName} {d.LastName}"]);
                phones.Add(d.Phone);
                places.AddRange([d.Address1, shopper.Address2, d.City, d.Zip]);
            }
            foreach (var a in shopper.Addresses)
            {
                names.AddRange([a.FirstName, a.LastName, $"{a.FirstName} {a.LastName}"]);
                phones.Add(a.Phone);
                places.AddRange([a.Address1, a.Address2, a.City, a.Zip]);
            }
        }
        return new ShopperTraces(storefrontId, ShopperEmail.Normalise(email), Clean(names), Clean(phones), Clean(places), keepForBooks);
    }

    private static List<string> Clean(IEnumerable<string?> values) =>
        values.Select(v => v?.Trim() ?? string.Empty).Where(v => v.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>
/// Replaces a shopper's traces in what the engine stored with the anonymiser's token (<see cref="ShopperRules.ErasedName"/>),
/// pure. JSON payloads are walked value by value: a value holding the e-mail has it replaced, a phone number, name or
/// address line that is the shopper's becomes the token (names and address lines stay in order documents kept for the
/// books); text that is not JSON has the e-mail and the full names replaced.
/// </summary>
public static partial class ShopperScrub
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The order documents the books need (order, refund, fulfilment, shipment): their payloads keep names and addresses while a card is restricted.</summary>
    public static IReadOnlySet<string> BookkeepingProcesses { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Orders.OrderToErpProcess.ProcessName, Returns.RefundToErpProcess.ProcessName, Fulfilment.OrderToWmsProcess.ProcessName,
        Fulfilment.ShipmentToStoreProcess.ProcessName,
    };

    /// <summary>
    /// Whether a stored payload is the shopper's: it carries their e-mail (or is keyed by their storefront id), or, found
    /// by a full name, it names no other e-mail address — another "John Smith" with an e-mail of his own is someone else,
    /// and his order keeps his name and city.
    /// </summary>
    public static bool IsTheShoppers(string payload, string key, ShopperTraces traces)
    {
        if (key == traces.StorefrontId || (traces.Email.Length > 0 && payload.Contains(traces.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return !EmailAddress().Matches(payload).Any(m => !m.Value.Equals(traces.Email, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"[^\s""'<>@,;:]+@[^\s""'<>@,;:]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailAddress();

    public static string Payload(string payload, ShopperTraces traces, bool keepNameAndAddress, string token)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return Text(payload, traces, token);
        }
        if (root is null)
        {
            return payload;
        }
        return Walk(root, traces, keepNameAndAddress, token) is { } replaced ? replaced.ToJsonString() : root.ToJsonString();
    }

    /// <summary>Free text (a data error's message, a retry's last error): the e-mail and the full names go.</summary>
    public static string Text(string text, ShopperTraces traces, string token)
    {
        var result = traces.Email.Length > 0 ? Replace(text, traces.Email, token) : text;
        foreach (var name in traces.Names.Where(n => n.Contains(' ', StringComparison.Ordinal)))
        {
            result = Replace(result, name, token);
        }
        return result;
    }

    private static string Replace(string text, string value, string token) =>
        Regex.Replace(text, Regex.Escape(value), token.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout);

    /// <summary>The node with the shopper's values replaced in place; a replacement for <paramref name="node"/> itself when it is a value.</summary>
    private static JsonNode? Walk(JsonNode node, ShopperTraces traces, bool keep, string token)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (child is not null && Walk(child, traces, keep, token) is { } replaced)
                    {
                        o[name] = replaced;
                    }
                }
                return null;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child && Walk(child, traces, keep, token) is { } replaced)
                    {
                        a[i] = replaced;
                    }
                }
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                var value = text.Trim();
                if (traces.Email.Length > 0 && text.Contains(traces.Email, StringComparison.OrdinalIgnoreCase))
                {
                    return JsonValue.Create(Replace(text, traces.Email, token));
                }
                if (traces.Phones.Contains(value, StringComparer.OrdinalIgnoreCase)
                    || (!keep && (traces.Names.Contains(value, StringComparer.OrdinalIgnoreCase) || traces.Places.Contains(value, StringComparer.OrdinalIgnoreCase))))
                {
                    return JsonValue.Create(token);
                }
                return null;
            default:
                return null;
        }
    }
}
