using GraphQL;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.Orders;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

/// <summary>An amount in the shop's currency; presentment money is the same (no multi-currency in the mirror).</summary>
public sealed record MoneyValue(decimal Amount, string CurrencyCode);

public sealed class MoneyV2GraphType : ObjectGraphType<MoneyValue>
{
    public MoneyV2GraphType()
    {
        Name = "MoneyV2";
        Field<NonNullGraphType<ShopifyDecimalGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<CurrencyCodeGraphType>>("currencyCode").Resolve(c => c.Source.CurrencyCode);
    }
}

public sealed class MoneyBagGraphType : ObjectGraphType<MoneyValue>
{
    public MoneyBagGraphType()
    {
        Name = "MoneyBag";
        Field<NonNullGraphType<MoneyV2GraphType>>("shopMoney").Resolve(c => c.Source);
        Field<NonNullGraphType<MoneyV2GraphType>>("presentmentMoney").Resolve(c => c.Source);
    }
}

public sealed record TaxLineValue(string Title, decimal Rate, MoneyValue Price);

public sealed class TaxLineGraphType : ObjectGraphType<TaxLineValue>
{
    public TaxLineGraphType()
    {
        Name = "TaxLine";
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<FloatGraphType>("rate").Resolve(c => (double)c.Source.Rate);
        Field<FloatGraphType>("ratePercentage").Resolve(c => (double)(c.Source.Rate * 100));
        Field<NonNullGraphType<MoneyBagGraphType>>("priceSet").Resolve(c => c.Source.Price);
        Field<BooleanGraphType>("channelLiable").Resolve(_ => false);
    }
}

public sealed record ShippingLineValue(long Id, string Title, MoneyValue Price, bool Removed);

public sealed class ShippingLineGraphType : ObjectGraphType<ShippingLineValue>
{
    public ShippingLineGraphType()
    {
        Name = "ShippingLine";
        Field<IdGraphType>("id").Resolve(c => Gid.Of("ShippingLine", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("code").Resolve(c => c.Source.Title);
        Field<StringGraphType>("source").Resolve(_ => "shopify");
        Field<StringGraphType>("carrierIdentifier").Resolve(_ => null);
        Field<NonNullGraphType<BooleanGraphType>>("custom").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("isRemoved").Resolve(c => c.Source.Removed);
        Field<NonNullGraphType<MoneyBagGraphType>>("originalPriceSet").Resolve(c => c.Source.Price);
        Field<NonNullGraphType<MoneyBagGraphType>>("discountedPriceSet").Resolve(c => c.Source.Price);
        Field<NonNullGraphType<MoneyBagGraphType>>("currentDiscountedPriceSet").Resolve(c => c.Source.Price);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaxLineGraphType>>>>("taxLines").Resolve(_ => Array.Empty<TaxLineValue>());
    }
}

public sealed class MailingAddressGraphType : ObjectGraphType<AddressRecord>
{
    public MailingAddressGraphType()
    {
        Name = "MailingAddress";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.MailingAddress(c.Source.Id, ofCustomer: c.Source.CustomerId is not null));
        Field<StringGraphType>("firstName").Resolve(c => c.Source.FirstName);
        Field<StringGraphType>("lastName").Resolve(c => c.Source.LastName);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("company").Resolve(c => c.Source.Company);
        Field<StringGraphType>("address1").Resolve(c => c.Source.Address1);
        Field<StringGraphType>("address2").Resolve(c => c.Source.Address2);
        Field<StringGraphType>("city").Resolve(c => c.Source.City);
        Field<StringGraphType>("province").Resolve(c => c.Source.Province);
        Field<StringGraphType>("provinceCode").Resolve(c => c.Source.ProvinceCode);
        Field<StringGraphType>("country").Resolve(c => c.Source.Country);
        Field<CountryCodeGraphType>("countryCodeV2").Resolve(c => c.Source.CountryCode);
        Field<StringGraphType>("zip").Resolve(c => c.Source.Zip);
        Field<StringGraphType>("phone").Resolve(c => c.Source.Phone);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("formatted")
            .Argument<BooleanGraphType>("withName", a => a.DefaultValue = false)
            .Argument<BooleanGraphType>("withCompany", a => a.DefaultValue = true)
            .Resolve(c =>
            {
                var a = c.Source;
                var lines = new List<string?>();
                if (c.GetArgument<bool?>("withName") == true)
                {
                    lines.Add(a.Name);
                }
                if (c.GetArgument<bool?>("withCompany") != false)
                {
                    lines.Add(a.Company);
                }
                lines.Add(a.Address1);
                lines.Add(a.Address2);
                lines.Add(string.Join(' ', new[] { a.City, a.ProvinceCode, a.Zip }.Where(s => !string.IsNullOrEmpty(s))));
                lines.Add(a.Country);
                return lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
            });
    }
}

public sealed class OrderGraphType : ObjectGraphType<OrderNode>
{
    public OrderGraphType()
    {
        Name = "Order";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.Order(c.Source.Row.Id));
        Field<NonNullGraphType<UnsignedInt64GraphType>>("legacyResourceId").Resolve(c => c.Source.Row.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Row.Name);
        Field<StringGraphType>("email").Resolve(c => c.Source.Row.Email);
        Field<StringGraphType>("phone").Resolve(c => c.Source.Row.Phone);
        Field<StringGraphType>("note").Resolve(c => c.Source.Row.Note);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(_ => Array.Empty<string>());
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Row.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Row.UpdatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("processedAt").Resolve(c => c.Source.Row.ProcessedAt);
        Field<ShopifyDateTimeGraphType>("cancelledAt").Resolve(c => c.Source.Row.CancelledAt);
        Field<OrderCancelReasonGraphType>("cancelReason").Resolve(c => c.Source.Row.CancelReason);
        Field<NonNullGraphType<BooleanGraphType>>("closed").Resolve(c => c.Source.Row.ClosedAt is not null);
        Field<ShopifyDateTimeGraphType>("closedAt").Resolve(c => c.Source.Row.ClosedAt);
        Field<NonNullGraphType<BooleanGraphType>>("confirmed").Resolve(_ => true);
        Field<StringGraphType>("confirmationNumber").Resolve(c => OrderPayloads.ConfirmationNumber(c.Source.Row.Token));
        Field<NonNullGraphType<BooleanGraphType>>("test").Resolve(_ => false);
        Field<NonNullGraphType<CurrencyCodeGraphType>>("currencyCode").Resolve(c => c.Source.Row.Currency);
        Field<NonNullGraphType<CurrencyCodeGraphType>>("presentmentCurrencyCode").Resolve(c => c.Source.Row.Currency);
        Field<OrderDisplayFinancialStatusGraphType>("displayFinancialStatus").Resolve(c => c.Source.Row.FinancialStatus);
        Field<NonNullGraphType<OrderDisplayFulfillmentStatusGraphType>>("displayFulfillmentStatus").Resolve(c => c.Source.Row.FulfillmentStatus);
        Field<NonNullGraphType<BooleanGraphType>>("fullyPaid").Resolve(c => c.Source.Row.TotalReceived >= c.Source.Row.TotalPrice);
        Field<NonNullGraphType<BooleanGraphType>>("unpaid").Resolve(c => c.Source.Row.TotalReceived == 0);
        Field<NonNullGraphType<BooleanGraphType>>("taxesIncluded").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("customerAcceptsMarketing").Resolve(c => c.Source.Row.BuyerAcceptsMarketing);
        Field<StringGraphType>("sourceName").Resolve(c => c.Source.Row.SourceName);
        Field<StringGraphType>("sourceIdentifier").Resolve(c => c.Source.Row.SourceIdentifier);
        Field<NonNullGraphType<UrlGraphType>>("statusPageUrl").Resolve(c => OrderPayloads.StatusUrl(c.Source.Row, c.Shop().Settings));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paymentGatewayNames").Resolve(c => new[] { c.Source.Row.Gateway });
        Field<NonNullGraphType<BooleanGraphType>>("requiresShipping").Resolve(_ => true);
        Field<NonNullGraphType<IntGraphType>>("subtotalLineItemsQuantity").Resolve(c => c.Source.Lines.Sum(l => l.Row.Quantity));
        Field<NonNullGraphType<IntGraphType>>("currentSubtotalLineItemsQuantity").Resolve(c => c.Source.Lines.Sum(l => l.Row.CurrentQuantity));
        Money("subtotalPriceSet", o => o.Row.SubtotalPrice, nullable: true);
        Money("currentSubtotalPriceSet", o => o.Lines.Sum(l => l.Row.Price * l.Row.CurrentQuantity));
        Money("totalPriceSet", o => o.Row.TotalPrice);
        Money("originalTotalPriceSet", o => o.Row.TotalPrice);
        Money("currentTotalPriceSet", o => o.Lines.Sum(l => (l.Row.Price * l.Row.CurrentQuantity) + l.CurrentTax)
            + (o.Lines.Sum(l => l.Row.CurrentQuantity) > 0 ? o.Row.TotalShipping : 0));
        Money("totalTaxSet", o => o.Row.TotalTax, nullable: true);
        Money("currentTotalTaxSet", o => o.Lines.Sum(l => l.CurrentTax));
        Money("totalShippingPriceSet", o => o.Row.TotalShipping);
        Money("totalDiscountsSet", _ => 0, nullable: true);
        Money("totalRefundedSet", o => o.Row.TotalRefunded);
        Money("totalReceivedSet", o => o.Row.TotalReceived);
        Money("netPaymentSet", o => o.Row.TotalReceived - o.Row.TotalRefunded);
        Money("totalOutstandingSet", o => Math.Max(0, o.Row.TotalPrice - o.Row.TotalReceived));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaxLineGraphType>>>>("taxLines")
            .Resolve(c => c.Source.Row.TotalTax > 0
                ? new[] { new TaxLineValue(c.Source.Row.TaxTitle, c.Source.Row.TaxRate, new MoneyValue(c.Source.Row.TotalTax, c.Source.Row.Currency)) }
                : []);
        Field<NonNullGraphType<LineItemConnectionGraphType>>("lineItems")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(c.Source.Lines, l => l.Row.Id));
        Field<NonNullGraphType<ShippingLineConnectionGraphType>>("shippingLines")
            .Argument<BooleanGraphType>("includeRemovals", a => a.DefaultValue = false)
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Resolve(c => c.PageOf(
                [new ShippingLineValue(IdRanges.ShippingLine + (c.Source.Row.Id - IdRanges.Order), c.Source.Row.ShippingTitle,
                    new MoneyValue(c.Source.Row.TotalShipping, c.Source.Row.Currency), false)],
                s => s.Id));
        Field<MailingAddressGraphType>("shippingAddress").Resolve(c => c.Source.ShippingAddress);
        Field<MailingAddressGraphType>("billingAddress").Resolve(c => c.Source.ShippingAddress);
        Field<CustomerGraphType>("customer").Resolve(c => c.Source.Customer);
        Field<NonNullGraphType<FulfillmentOrderConnectionGraphType>>("fulfillmentOrders")
            .Argument<BooleanGraphType>("displayable", a => a.DefaultValue = false)
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Argument<StringGraphType>("query")
            .Resolve(c =>
            {
                // displayable: leave out fulfillment orders with nothing to show (cancelled, or closed without a shipment).
                var all = c.GetArgument<bool?>("displayable") == true
                    ? c.Source.FulfillmentOrders.Where(f => f.Row.Status != FulfillmentOrderStatuses.Cancelled).ToList()
                    : c.Source.FulfillmentOrders;
                return c.PageOf(all, f => f.Row.Id);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FulfillmentGraphType>>>>("fulfillments")
            .Argument<IntGraphType>("first")
            .Resolve(c => First(c, c.Source.Fulfillments));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefundGraphType>>>>("refunds")
            .Argument<IntGraphType>("first")
            .Resolve(c => First(c, c.Source.Refunds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderTransactionGraphType>>>>("transactions")
            .Argument<IntGraphType>("first")
            .Argument<BooleanGraphType>("capturable")
            .Argument<BooleanGraphType>("manuallyResolvable")
            .Resolve(c => c.GetArgument<bool?>("capturable") == true ? [] : First(c, c.Source.Transactions));
    }

    internal static IReadOnlyList<T> First<T>(IResolveFieldContext c, IReadOnlyList<T> all) =>
        c.GetArgument<int?>("first") is { } n ? all.Take(Math.Max(0, n)).ToList() : all;

    private void Money(string name, Func<OrderNode, decimal> amount, bool nullable = false)
    {
        if (nullable)
        {
            Field<MoneyBagGraphType>(name).Resolve(c => new MoneyValue(amount(c.Source), c.Source.Row.Currency));
        }
        else
        {
            Field<NonNullGraphType<MoneyBagGraphType>>(name).Resolve(c => new MoneyValue(amount(c.Source), c.Source.Row.Currency));
        }
    }
}

public sealed class LineItemGraphType : ObjectGraphType<LineItemNode>
{
    public LineItemGraphType()
    {
        Name = "LineItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.LineItem(c.Source.Row.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Row.VariantTitle is null or "Default Title" ? c.Source.Row.Title : $"{c.Source.Row.Title} - {c.Source.Row.VariantTitle}");
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Row.Title);
        Field<StringGraphType>("sku").Resolve(c => c.Source.Row.Sku);
        Field<StringGraphType>("variantTitle").Resolve(c => c.Source.Row.VariantTitle is "Default Title" ? null : c.Source.Row.VariantTitle);
        Field<StringGraphType>("vendor").Resolve(c => c.Source.Row.Vendor);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Row.Quantity);
        Field<NonNullGraphType<IntGraphType>>("currentQuantity").Resolve(c => c.Source.Row.CurrentQuantity);
        Field<NonNullGraphType<IntGraphType>>("refundableQuantity").Resolve(c => c.Source.Row.CurrentQuantity);
        Field<NonNullGraphType<IntGraphType>>("unfulfilledQuantity").Resolve(c => c.Source.Row.UnfulfilledQuantity);
        Field<NonNullGraphType<IntGraphType>>("nonFulfillableQuantity").Resolve(c => c.Source.Row.RemovedQuantity);
        Field<NonNullGraphType<BooleanGraphType>>("requiresShipping").Resolve(_ => true);
        Field<NonNullGraphType<BooleanGraphType>>("taxable").Resolve(_ => true);
        Field<NonNullGraphType<BooleanGraphType>>("isGiftCard").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("restockable").Resolve(c => c.Source.Row.CurrentQuantity > 0);
        Field<NonNullGraphType<BooleanGraphType>>("merchantEditable").Resolve(c => c.Source.Order.Row.CancelledAt is null);
        Field<ProductVariantGraphType>("variant").Resolve(c => c.Source.Variant);
        Field<ProductGraphType>("product").Resolve(c => c.Source.Variant?.Product);
        Money("originalUnitPriceSet", l => l.Row.Price);
        Money("discountedUnitPriceSet", l => l.Row.Price);
        Money("discountedUnitPriceAfterAllDiscountsSet", l => l.Row.Price);
        Money("originalTotalSet", l => l.Row.Price * l.Row.Quantity);
        Field<NonNullGraphType<MoneyBagGraphType>>("discountedTotalSet")
            .Argument<BooleanGraphType>("withCodeDiscounts", a => a.DefaultValue = false)
            .Resolve(c => new MoneyValue(c.Source.Row.Price * c.Source.Row.Quantity, c.Source.Order.Row.Currency));
        Money("totalDiscountSet", _ => 0);
        Money("unfulfilledOriginalTotalSet", l => l.Row.Price * l.Row.UnfulfilledQuantity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaxLineGraphType>>>>("taxLines")
            .Argument<IntGraphType>("first")
            .Resolve(c => c.Source.Row.TaxAmount > 0
                ? new[] { new TaxLineValue(c.Source.Order.Row.TaxTitle, c.Source.Order.Row.TaxRate, new MoneyValue(c.Source.Row.TaxAmount, c.Source.Order.Row.Currency)) }
                : []);
    }

    private void Money(string name, Func<LineItemNode, decimal> amount) =>
        Field<NonNullGraphType<MoneyBagGraphType>>(name).Resolve(c => new MoneyValue(amount(c.Source), c.Source.Order.Row.Currency));
}
