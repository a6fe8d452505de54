using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary>
/// <c>customerUpdate(input: CustomerInput!)</c>: e-mail, names, phone, note, tags. Consent is not changed here:
/// as on Shopify, <c>emailMarketingConsent</c> on an existing customer is refused with a pointer to
/// <c>customerEmailMarketingConsentUpdate</c>. Raises customers/update.
/// </summary>
public static class UpdateCustomer
{
    public sealed record Request(
        string? Id, string? Email, string? FirstName, string? LastName, string? Phone, string? Note, IReadOnlyList<string>? Tags, bool HasConsent,
        ISet<string> Given);

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
        if (changes.Count > 0)
        {
            customer.UpdatedAt = shop.Clock.GetUtcNow();
            await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersUpdate, () => CustomerPayloads.Customer(node, shop.Currency, shop.Clock), ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (field, from, to) in changes)
        {
            shop.Ledger.RecordEffect($"customer {Gid.Customer(customer.Id)} {field} {from ?? "none"} -> {to ?? "none"}", "customerUpdate");
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
                    input.Keys.ToHashSet(StringComparer.Ordinal));
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
