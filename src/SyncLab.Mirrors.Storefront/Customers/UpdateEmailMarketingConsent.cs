using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary>
/// <c>customerEmailMarketingConsentUpdate(input: {customerId, emailMarketingConsent})</c>: subscribes or
/// unsubscribes a customer. Raises customers/email_marketing_consent_update and customers/update.
/// </summary>
public static class UpdateEmailMarketingConsent
{
    public sealed record Request(string? CustomerId, string? MarketingState, string? OptInLevel, DateTimeOffset? ConsentUpdatedAt);

    public sealed record Payload(CustomerNode? Customer, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>States a merchant may set; REDACTED and INVALID are Shopify's own.</summary>
    public static IReadOnlySet<string> Settable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MarketingStates.NotSubscribed, MarketingStates.Pending, MarketingStates.Subscribed, MarketingStates.Unsubscribed,
    };

    public static IReadOnlyList<UserErrorValue> Decide(Request request, CustomerRecord? customer)
    {
        if (customer is null)
        {
            return [new UserErrorValue(["input", "customerId"], "Customer not found", "INVALID")];
        }
        if (request.MarketingState is not { } state || !Settable.Contains(state))
        {
            return [new UserErrorValue(["input", "emailMarketingConsent", "marketingState"], "Marketing state is not included in the list", "INCLUSION")];
        }
        return [];
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var id = Gid.TryParse(request.CustomerId, "Customer") ?? 0;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        var errors = Decide(request, customer);
        if (customer is null || errors.Count > 0)
        {
            return new Payload(null, errors);
        }
        var now = shop.Clock.GetUtcNow();
        var before = customer.MarketingState;
        customer.MarketingState = request.MarketingState!;
        customer.MarketingOptInLevel = request.OptInLevel ?? customer.MarketingOptInLevel ?? "SINGLE_OPT_IN";
        customer.ConsentUpdatedAt = request.ConsentUpdatedAt ?? now;
        customer.UpdatedAt = now;
        var node = (await shop.Customers.ComposeAsync([customer], ct))[0];
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersEmailMarketingConsentUpdate, () => CustomerPayloads.EmailMarketingConsent(customer, shop.Clock), ct);
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersUpdate, () => CustomerPayloads.Customer(node, shop.Currency, shop.Clock), ct);
        await db.SaveChangesAsync(ct);
        shop.Ledger.RecordEffect($"customer {Gid.Customer(customer.Id)} email marketing {before} -> {customer.MarketingState}", "customerEmailMarketingConsentUpdate");
        shop.Webhooks.Notify();
        return new Payload(node, []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<CustomerEmailMarketingConsentUpdatePayloadGraphType>("customerEmailMarketingConsentUpdate")
            .Argument<NonNullGraphType<CustomerEmailMarketingConsentUpdateInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.Object("input");
                var consent = input.TryGetValue("emailMarketingConsent", out var raw) && raw is IDictionary<string, object?> d ? d : new Dictionary<string, object?>();
                var request = new Request(
                    input.String("customerId"),
                    consent.String("marketingState"),
                    consent.String("marketingOptInLevel"),
                    consent.TryGetValue("consentUpdatedAt", out var at) && at is DateTimeOffset when ? when : null);
                return await ExecuteAsync(c.Shop(), request, c.CancellationToken);
            });
    }
}

public sealed class CustomerEmailMarketingConsentUpdateInputGraphType : InputObjectGraphType
{
    public CustomerEmailMarketingConsentUpdateInputGraphType()
    {
        Name = "CustomerEmailMarketingConsentUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("customerId");
        Field<NonNullGraphType<CustomerEmailMarketingConsentInputGraphType>>("emailMarketingConsent");
    }
}

public sealed class CustomerEmailMarketingConsentUpdateUserErrorGraphType()
    : CodedUserErrorGraphType<CustomerEmailMarketingConsentUpdateUserErrorCodeGraphType>("CustomerEmailMarketingConsentUpdateUserError");

public sealed class CustomerEmailMarketingConsentUpdatePayloadGraphType : ObjectGraphType<UpdateEmailMarketingConsent.Payload>
{
    public CustomerEmailMarketingConsentUpdatePayloadGraphType()
    {
        Name = "CustomerEmailMarketingConsentUpdatePayload";
        Field<CustomerGraphType>("customer").Resolve(c => c.Source.Customer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CustomerEmailMarketingConsentUpdateUserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
