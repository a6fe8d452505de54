using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

public sealed class CustomerGraphType : ObjectGraphType<CustomerNode>
{
    public CustomerGraphType()
    {
        Name = "Customer";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Customer(c.Source.Row.Id));
        Field<NonNullGraphType<UnsignedInt64GraphType>>("legacyResourceId").Resolve(c => c.Source.Row.Id);
        // Deprecated in 2025-01 (defaultEmailAddress comes in 2025-04), but still the only e-mail field of this version.
        Field<StringGraphType>("email").Resolve(c => c.Source.Row.Email).DeprecationReason("Use `defaultEmailAddress.emailAddress` instead.");
        Field<StringGraphType>("firstName").Resolve(c => c.Source.Row.FirstName);
        Field<StringGraphType>("lastName").Resolve(c => c.Source.Row.LastName);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field<StringGraphType>("phone").Resolve(c => c.Source.Row.Phone);
        Field<StringGraphType>("note").Resolve(c => c.Source.Row.Note);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags")
            .Resolve(c => c.Source.Row.Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Field<NonNullGraphType<CustomerStateGraphType>>("state").Resolve(c => c.Source.Row.State);
        Field<NonNullGraphType<BooleanGraphType>>("verifiedEmail").Resolve(c => c.Source.Row.VerifiedEmail);
        Field<NonNullGraphType<BooleanGraphType>>("taxExempt").Resolve(c => c.Source.Row.TaxExempt);
        Field<NonNullGraphType<BooleanGraphType>>("canDelete").Resolve(c => c.Source.NumberOfOrders == 0);
        Field<NonNullGraphType<StringGraphType>>("locale").Resolve(_ => "en");
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<NonNullGraphType<UnsignedInt64GraphType>>("numberOfOrders").Resolve(c => c.Source.NumberOfOrders);
        Field<NonNullGraphType<MoneyV2GraphType>>("amountSpent").Resolve(c => new MoneyValue(c.Source.AmountSpent, c.Shop().Currency));
        Field<CustomerEmailMarketingConsentStateGraphType>("emailMarketingConsent")
            .Resolve(c => c.Source.Row)
            .DeprecationReason("Use `defaultEmailAddress.marketingState`, `defaultEmailAddress.marketingOptInLevel`, `defaultEmailAddress.marketingUpdatedAt`, and `defaultEmailAddress.sourceLocation` instead.");
        Field<MailingAddressGraphType>("defaultAddress").Resolve(c => c.Source.DefaultAddress);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MailingAddressGraphType>>>>("addresses")
            .Argument<IntGraphType>("first")
            .Resolve(c => OrderGraphType.First(c, c.Source.Addresses));
        Field<NonNullGraphType<MailingAddressConnectionGraphType>>("addressesV2")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Addresses, a => a.Id));
    }
}

public sealed class CustomerEmailMarketingConsentStateGraphType : ObjectGraphType<CustomerRecord>
{
    public CustomerEmailMarketingConsentStateGraphType()
    {
        Name = "CustomerEmailMarketingConsentState";
        Field<NonNullGraphType<CustomerEmailMarketingStateGraphType>>("marketingState").Resolve(c => c.Source.MarketingState);
        Field<CustomerMarketingOptInLevelGraphType>("marketingOptInLevel").Resolve(c => c.Source.MarketingOptInLevel);
        Field<ShopifyDateTimeGraphType>("consentUpdatedAt").Resolve(c => c.Source.ConsentUpdatedAt);
    }
}

/// <summary>An asynchronous job. The mirror does the work at once, so every job it hands out is already done.</summary>
public sealed record JobValue(string Id, bool Done);

public sealed class JobGraphType : ObjectGraphType<JobValue>
{
    public JobGraphType()
    {
        Name = "Job";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<BooleanGraphType>>("done").Resolve(c => c.Source.Done);
        Field<QueryRoot>("query").Resolve(c => c.RootValue);
    }
}
