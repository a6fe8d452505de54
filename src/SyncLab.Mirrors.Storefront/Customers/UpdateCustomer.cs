using System.Globalization;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Orders;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary>
/// <c>customerUpdate(input: CustomerInput!)</c>: e-mail, names, phone, note, tags and addresses. Consent is not changed
/// here: as on Shopify, <c>emailMarketingConsent</c> on an existing customer is refused with a pointer to
/// <c>customerEmailMarketingConsentUpdate</c>. <c>addresses</c> is a list field, and Shopify updates list fields as a
/// whole: the list given becomes the customer's addresses (the first is the default), an entry identical to an address
/// the customer has keeps that address and its id, and addresses not in the list are deleted; an empty list deletes
/// them all. Raises customers/update.
/// </summary>
public static class UpdateCustomer
{
    public sealed record Request(
        string? Id, string? Email, string? FirstName, string? LastName, string? Phone, string? Note, IReadOnlyList<string>? Tags, bool HasConsent,
        ISet<string> Given)
    {
        /// <summary>The addresses given (<c>addresses</c>), in order; null when the input leaves them out.</summary>
        public IReadOnlyList<AddressInput>? Addresses { get; init; }
    }

    /// <summary>The customer's addresses after the update: kept ones by id, new ones to add, the ones to delete.</summary>
    public sealed record AddressPlan(IReadOnlyList<AddressRecord> Result, IReadOnlyList<AddressRecord> Removed)
    {
        public bool Changed(long? defaultId) => Removed.Count > 0 || Result.Any(a => a.Id == 0) || (Result.Count > 0 ? Result[0].Id : (long?)null) != defaultId;
    }

    public sealed record Payload(CustomerNode? Customer, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>The field changes, or the userErrors; pure.</summary>
    public static (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<(string Field, string? From, string? To)> Changes) Decide(
        Request request, CustomerRecord? customer, bool emailTaken)
    {
        if (customer is null)
        {
            return ([new UserErrorValue(["id"], "Customer does not exist")], []);
        }
        var errors = new List<UserErrorValue>();
        if (request.HasConsent)
        {
            errors.Add(new UserErrorValue(["emailMarketingConsent"],
                "To update emailMarketingConsent, please use the customerEmailMarketingConsentUpdate Mutation instead."));
        }
        var email = request.Email?.Trim().ToLowerInvariant();
        if (request.Given.Contains("email") && (email is null || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add(new UserErrorValue(["email"], "Email is invalid"));
        }
        else if (emailTaken)
        {
            errors.Add(new UserErrorValue(["email"], "Email has already been taken"));
        }
        errors.AddRange(AddressErrors(request.Addresses));
        if (errors.Count > 0)
        {
            return (errors, []);
        }
        var changes = new List<(string, string?, string?)>();
        void Compare(string field, string? current, string? wanted)
        {
            if (request.Given.Contains(field) && wanted != current)
            {
                changes.Add((field, current, wanted));
            }
        }
        Compare("email", customer.Email, email);
        Compare("firstName", customer.FirstName, request.FirstName);
        Compare("lastName", customer.LastName, request.LastName);
        Compare("phone", customer.Phone, request.Phone);
        Compare("note", customer.Note, request.Note);
        Compare("tags", customer.Tags, request.Tags is null ? null : string.Join(", ", request.Tags));
        return ([], changes);
    }

    /// <summary>A province code the country does not have is refused (a blank one is taken: the admin's address form allows it).</summary>
    public static IEnumerable<UserErrorValue> AddressErrors(IReadOnlyList<AddressInput>? addresses)
    {
        foreach (var (address, i) in (addresses ?? []).Select((a, i) => (PlaceOrder.Normalize(a)!, i)))
        {
            if (address.CountryCode is { } country && Countries.NeedsProvince(country) && address.ProvinceCode is { } code && Countries.Province(country, code) is null)
            {
                yield return new UserErrorValue(
                    ["addresses", i.ToString(CultureInfo.InvariantCulture), "provinceCode"], $"Province '{code}' is not a province of {Countries.Names[country]}");
            }
        }
    }

    /// <summary>
    /// The list given replaces the customer's addresses: an entry identical to one the customer has keeps it (id 0 marks
    /// the ones to add), a repeated entry counts once, and the customer's addresses not given are removed. Pure.
    /// </summary>
    public static AddressPlan PlanAddresses(long customerId, IReadOnlyList<AddressInput> wanted, IReadOnlyList<AddressRecord> current)
    {
        var result = new List<AddressRecord>();
        var unused = current.OrderBy(a => a.Id).ToList();
        foreach (var input in wanted)
        {
            var address = PlaceOrder.ToAddress(PlaceOrder.Normalize(input)!, 0, customerId, null);
            if (result.Any(r => Identical(r, address)))
            {
                continue;
            }
            var kept = unused.FirstOrDefault(a => Identical(a, address));
            if (kept is not null)
            {
                unused.Remove(kept);
            }
            result.Add(kept ?? address);
        }
        return new AddressPlan(result, unused);
    }

    private static bool Identical(AddressRecord a, AddressRecord b) =>
        (a.FirstName, a.LastName, a.Company, a.Address1, a.Address2, a.City, a.ProvinceCode, a.Zip, a.CountryCode, a.Phone)
        == (b.FirstName, b.LastName, b.Company, b.Address1, b.Address2, b.City, b.ProvinceCode, b.Zip, b.CountryCode, b.Phone);

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var id = Gid.TryParse(request.Id, "Customer") ?? 0;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        var email = request.Email?.Trim().ToLowerInvariant();
        var taken = email is not null && await db.Customers.AnyAsync(c => c.Email == email && c.Id != id, ct);
        var (errors, changes) = Decide(request, customer, taken);
        if (customer is null || errors.Count > 0)
        {
            return new Payload(null, errors);
        }
        foreach (var (field, _, to) in changes)
        {
            switch (field)
            {
                case "email": customer.Email = to!; break;
                case "firstName": customer.FirstName = to; break;
                case "lastName": customer.LastName = to; break;
                case "phone": customer.Phone = to; break;
                case "note": customer.Note = to; break;
                case "tags": customer.Tags = to ?? string.Empty; break;
            }
        }
        var node = (await shop.Customers.ComposeAsync([customer], ct))[0];
        var addresses = request.Addresses is { } wanted ? PlanAddresses(customer.Id, wanted, node.Addresses) : null;
        var addressesChanged = addresses?.Changed(customer.DefaultAddressId) == true;
        if (addresses is not null && addressesChanged)
        {
            var ids = new IdAllocator(db);
            foreach (var added in addresses.Result.Where(a => a.Id == 0))
            {
                added.Id = await ids.NextAsync<AddressRecord>(IdRanges.MailingAddress, ct);
                db.Addresses.Add(added);
            }
            foreach (var removed in addresses.Removed)
            {
                db.Addresses.Remove(await db.Addresses.FirstAsync(a => a.Id == removed.Id, ct));
            }
            customer.DefaultAddressId = addresses.Result.Count > 0 ? addresses.Result[0].Id : null;
            node.Addresses.Clear();
            node.Addresses.AddRange(addresses.Result);
        }
        if (changes.Count > 0 || addressesChanged)
        {
            customer.UpdatedAt = shop.Clock.GetUtcNow();
            await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersUpdate, () => CustomerPayloads.Customer(node, shop.Currency, shop.Clock), ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (field, from, to) in changes)
        {
            shop.Ledger.RecordEffect($"customer {Gid.Customer(customer.Id)} {field} {from ?? "none"} -> {to ?? "none"}", "customerUpdate");
        }
        if (addresses is not null && addressesChanged)
        {
            shop.Ledger.RecordEffect(
                $"customer {Gid.Customer(customer.Id)} addresses: {string.Join(" | ", addresses.Result.Select(a => $"{a.Address1}, {a.City} {a.ProvinceCode} {a.Zip} {a.CountryCode}"))} (default {customer.DefaultAddressId?.ToString(CultureInfo.InvariantCulture) ?? "none"}, {addresses.Removed.Count} removed)",
                "customerUpdate");
        }
        shop.Webhooks.Notify();
        return new Payload(node, []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<CustomerUpdatePayloadGraphType>("customerUpdate")
            .Argument<NonNullGraphType<CustomerInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.Object("input");
                List<string>? tags = null;
                if (input.TryGetValue("tags", out var raw) && raw is IEnumerable<object?> list)
                {
                    // Shopify accepts a list or one comma-separated string per entry.
                    tags = list.OfType<string>().SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
                }
                var request = new Request(
                    input.String("id"), input.String("email"), input.String("firstName"), input.String("lastName"), input.String("phone"),
                    input.String("note"), tags, input.Has("emailMarketingConsent") && input["emailMarketingConsent"] is not null,
                    input.Keys.ToHashSet(StringComparer.Ordinal))
                {
                    Addresses = input.TryGetValue("addresses", out var given) && given is not null
                        ? InputValues.Objects(given).Select(a => new AddressInput(
                            a.String("firstName"), a.String("lastName"), a.String("company"), a.String("address1"), a.String("address2"), a.String("city"),
                            a.String("provinceCode"), a.String("zip"), a.String("countryCode"), a.String("phone"))).ToList()
                        : null,
                };
                return await ExecuteAsync(c.Shop(), request, c.CancellationToken);
            });
    }
}

public sealed class CustomerInputGraphType : InputObjectGraphType
{
    public CustomerInputGraphType()
    {
        Name = "CustomerInput";
        Field<IdGraphType>("id");
        Field<StringGraphType>("email");
        Field<StringGraphType>("firstName");
        Field<StringGraphType>("lastName");
        Field<StringGraphType>("phone");
        Field<StringGraphType>("note");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<CustomerEmailMarketingConsentInputGraphType>("emailMarketingConsent");
        Field<ListGraphType<NonNullGraphType<MailingAddressInputGraphType>>>("addresses");
    }
}

/// <summary>2025-01's MailingAddressInput without its deprecated fields (country, province, id: the introspection lists none of them).</summary>
public sealed class MailingAddressInputGraphType : InputObjectGraphType
{
    public MailingAddressInputGraphType()
    {
        Name = "MailingAddressInput";
        Field<StringGraphType>("address1");
        Field<StringGraphType>("address2");
        Field<StringGraphType>("city");
        Field<StringGraphType>("company");
        Field<CountryCodeGraphType>("countryCode");
        Field<StringGraphType>("firstName");
        Field<StringGraphType>("lastName");
        Field<StringGraphType>("phone");
        Field<StringGraphType>("provinceCode");
        Field<StringGraphType>("zip");
    }
}

public sealed class CustomerEmailMarketingConsentInputGraphType : InputObjectGraphType
{
    public CustomerEmailMarketingConsentInputGraphType()
    {
        Name = "CustomerEmailMarketingConsentInput";
        Field<CustomerMarketingOptInLevelGraphType>("marketingOptInLevel");
        Field<NonNullGraphType<CustomerEmailMarketingStateGraphType>>("marketingState");
        Field<ShopifyDateTimeGraphType>("consentUpdatedAt");
    }
}

public sealed class CustomerUpdatePayloadGraphType : ObjectGraphType<UpdateCustomer.Payload>
{
    public CustomerUpdatePayloadGraphType()
    {
        Name = "CustomerUpdatePayload";
        Field<CustomerGraphType>("customer").Resolve(c => c.Source.Customer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
