using System.Text.Json;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Orders;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>
/// The REST order resource as Shopify sends it in orders/* webhooks (2025-01): snake_case, money as strings
/// with a shop/presentment set beside each amount, times in the shop's zone, fields the mirror does not
/// model present with Shopify's empty values (null, [], "0.00") so receivers see the real shape.
/// </summary>
public static class OrderPayloads
{
    public static string Order(OrderNode order, StorefrontMirrorSettings settings, TimeProvider clock) =>
        JsonSerializer.Serialize(Body(order, settings, clock), WebhookPayloads.Json);

    internal static OrderPayload Body(OrderNode node, StorefrontMirrorSettings settings, TimeProvider clock)
    {
        var o = node.Row;
        var c = o.Currency;
        var currentSubtotal = node.Lines.Sum(l => l.Row.Price * l.Row.CurrentQuantity);
        var currentTax = node.Lines.Sum(l => l.CurrentTax);
        var currentShipping = node.Lines.Sum(l => l.Row.CurrentQuantity) > 0 ? o.TotalShipping : 0m;
        var currentTotal = currentSubtotal + currentTax + currentShipping;
        var address = Address(node.ShippingAddress);
        return new OrderPayload(
            Id: o.Id,
            AdminGraphqlApiId: Gid.Order(o.Id),
            AppId: null,
            BrowserIp: null,
            BuyerAcceptsMarketing: o.BuyerAcceptsMarketing,
            CancelReason: o.CancelReason?.ToLowerInvariant(),
            CancelledAt: Time(o.CancelledAt, clock),
            CartToken: null,
            CheckoutId: null,
            CheckoutToken: null,
            ClientDetails: null,
            ClosedAt: Time(o.ClosedAt, clock),
            ConfirmationNumber: ConfirmationNumber(o.Token),
            Confirmed: true,
            ContactEmail: o.Email,
            CreatedAt: WebhookPayloads.Local(o.CreatedAt, clock),
            Currency: c,
            CurrentSubtotalPrice: Money(currentSubtotal),
            CurrentSubtotalPriceSet: Set(currentSubtotal, c),
            CurrentTotalAdditionalFeesSet: null,
            CurrentTotalDiscounts: Money(0),
            CurrentTotalDiscountsSet: Set(0, c),
            CurrentTotalDutiesSet: null,
            CurrentTotalPrice: Money(currentTotal),
            CurrentTotalPriceSet: Set(currentTotal, c),
            CurrentTotalTax: Money(currentTax),
            CurrentTotalTaxSet: Set(currentTax, c),
            CustomerLocale: "en",
            DeviceId: null,
            DiscountCodes: [],
            DutiesIncluded: false,
            Email: o.Email,
            EstimatedTaxes: false,
            FinancialStatus: o.FinancialStatus.ToLowerInvariant(),
            FulfillmentStatus: FulfillmentStatus(o.FulfillmentStatus),
            LandingSite: null,
            LandingSiteRef: null,
            LocationId: null,
            MerchantOfRecordAppId: null,
            Name: o.Name,
            Note: o.Note,
            NoteAttributes: [],
            Number: o.Number - 1000,
            OrderNumber: o.Number,
            OrderStatusUrl: StatusUrl(o, settings),
            OriginalTotalAdditionalFeesSet: null,
            OriginalTotalDutiesSet: null,
            PaymentGatewayNames: [o.Gateway],
            Phone: o.Phone,
            PoNumber: null,
            PresentmentCurrency: c,
            ProcessedAt: WebhookPayloads.Local(o.ProcessedAt, clock),
            Reference: null,
            ReferringSite: null,
            SourceIdentifier: o.SourceIdentifier,
            SourceName: o.SourceName,
            SourceUrl: null,
            SubtotalPrice: Money(o.SubtotalPrice),
            SubtotalPriceSet: Set(o.SubtotalPrice, c),
            Tags: string.Empty,
            TaxExempt: false,
            TaxLines: o.TotalTax > 0 ? [TaxLine(o.TotalTax, o.TaxRate, o.TaxTitle, c)] : [],
            TaxesIncluded: false,
            Test: false,
            Token: o.Token,
            TotalDiscounts: Money(0),
            TotalDiscountsSet: Set(0, c),
            TotalLineItemsPrice: Money(o.SubtotalPrice),
            TotalLineItemsPriceSet: Set(o.SubtotalPrice, c),
            TotalOutstanding: Money(Math.Max(0, o.TotalPrice - o.TotalReceived)),
            TotalPrice: Money(o.TotalPrice),
            TotalPriceSet: Set(o.TotalPrice, c),
            TotalShippingPriceSet: Set(o.TotalShipping, c),
            TotalTax: Money(o.TotalTax),
            TotalTaxSet: Set(o.TotalTax, c),
            TotalTipReceived: Money(0),
            TotalWeight: 0,
            UpdatedAt: WebhookPayloads.Local(o.UpdatedAt, clock),
            UserId: null,
            BillingAddress: address,
            Customer: node.Customer is { } customer ? CustomerPayloads.Body(customer, c, clock, withAddresses: false) : null,
            DiscountApplications: [],
            Fulfillments: node.Fulfillments.Select(f => OrderEventPayloads.FulfillmentBody(f, clock)).ToList(),
            LineItems: node.Lines.Select(l => LineItem(l, l.Row.Quantity)).ToList(),
            PaymentTerms: null,
            Refunds: node.Refunds.Select(r => OrderEventPayloads.RefundBody(r, clock)).ToList(),
            ShippingAddress: address,
            ShippingLines: o.TotalShipping > 0 || o.ShippingTitle.Length > 0 ? [ShippingLine(o)] : []);
    }

    internal static LineItemPayload LineItem(LineItemNode node, int quantity)
    {
        var l = node.Row;
        var c = node.Order.Row.Currency;
        var variantTitle = l.VariantTitle is null or "Default Title" ? null : l.VariantTitle;
        var fulfillment = l.FulfilledQuantity == 0 ? null : l.UnfulfilledQuantity == 0 ? "fulfilled" : "partial";
        return new LineItemPayload(
            Id: l.Id,
            AdminGraphqlApiId: Gid.LineItem(l.Id),
            AttributedStaffs: [],
            CurrentQuantity: l.CurrentQuantity,
            FulfillableQuantity: l.UnfulfilledQuantity,
            FulfillmentService: "manual",
            FulfillmentStatus: fulfillment,
            GiftCard: false,
            Grams: 0,
            Name: variantTitle is null ? l.Title : $"{l.Title} - {variantTitle}",
            Price: Money(l.Price),
            PriceSet: Set(l.Price, c),
            ProductExists: node.Variant is not null,
            ProductId: l.ProductId,
            Properties: [],
            Quantity: quantity,
            RequiresShipping: true,
            Sku: l.Sku,
            Taxable: true,
            Title: l.Title,
            TotalDiscount: Money(0),
            TotalDiscountSet: Set(0, c),
            VariantId: l.VariantId,
            VariantInventoryManagement: "shopify",
            VariantTitle: variantTitle,
            Vendor: l.Vendor,
            TaxLines: l.TaxAmount > 0 ? [TaxLine(quantity == l.Quantity ? l.TaxAmount : node.UnitTax * quantity, node.Order.Row.TaxRate, node.Order.Row.TaxTitle, c)] : [],
            Duties: [],
            DiscountAllocations: []);
    }

    internal static AddressPayload? Address(AddressRecord? a) => a is null ? null : new AddressPayload(
        a.FirstName, a.Address1, a.Phone, a.City, a.Zip, a.Province, a.Country, a.LastName, a.Address2, a.Company, null, null, a.Name, a.CountryCode, a.ProvinceCode);

    internal static MoneySet Set(decimal amount, string currency)
    {
        var money = new MoneyAmount(Money(amount), currency);
        return new MoneySet(money, money);
    }

    internal static string Money(decimal amount) => MoneyGraphType.Format(amount);

    internal static string? Time(DateTimeOffset? at, TimeProvider clock) => at is { } t ? WebhookPayloads.Local(t, clock) : null;

    /// <summary>The order status page, addressed as Shopify's are: /{shop id}/orders/{token}/authenticate?key=….</summary>
    public static string StatusUrl(OrderRecord order, StorefrontMirrorSettings settings) =>
        $"https://{settings.ShopDomain}/{settings.ShopId}/orders/{order.Token}/authenticate?key={order.Token[..16]}";

    /// <summary>Shopify's nine-character confirmation number, derived from the order token here so it is deterministic.</summary>
    public static string ConfirmationNumber(string token)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return new string(token.Take(9).Select(ch => alphabet[Convert.ToInt32(ch.ToString(), 16) * 2 % alphabet.Length]).ToArray());
    }

    /// <summary>REST spells the fulfillment status null (unfulfilled), partial, fulfilled or restocked.</summary>
    private static string? FulfillmentStatus(string display) => display switch
    {
        OrderStatuses.Fulfilled => "fulfilled",
        OrderStatuses.PartiallyFulfilled => "partial",
        OrderStatuses.Restocked => "restocked",
        _ => null,
    };

    private static TaxLinePayload TaxLine(decimal price, decimal rate, string title, string currency) =>
        new(false, Money(price), Set(price, currency), rate, title);

    private static ShippingLinePayload ShippingLine(OrderRecord o) => new(
        Id: Data.IdRanges.ShippingLine + (o.Id - Data.IdRanges.Order),
        CarrierIdentifier: null,
        Code: o.ShippingTitle,
        DiscountedPrice: Money(o.TotalShipping),
        DiscountedPriceSet: Set(o.TotalShipping, o.Currency),
        IsRemoved: false,
        Phone: null,
        Price: Money(o.TotalShipping),
        PriceSet: Set(o.TotalShipping, o.Currency),
        RequestedFulfillmentServiceId: null,
        Source: "shopify",
        Title: o.ShippingTitle,
        TaxLines: [],
        DiscountAllocations: []);

    internal sealed record MoneyAmount(string Amount, string CurrencyCode);

    internal sealed record MoneySet(MoneyAmount ShopMoney, MoneyAmount PresentmentMoney);

    internal sealed record TaxLinePayload(bool ChannelLiable, string Price, MoneySet PriceSet, decimal Rate, string Title);

    internal sealed record AddressPayload(
        string? FirstName, string? Address1, string? Phone, string? City, string? Zip, string? Province, string? Country, string? LastName,
        string? Address2, string? Company, decimal? Latitude, decimal? Longitude, string? Name, string? CountryCode, string? ProvinceCode);

    internal sealed record LineItemPayload(
        long Id, string AdminGraphqlApiId, IReadOnlyList<object> AttributedStaffs, int CurrentQuantity, int FulfillableQuantity,
        string FulfillmentService, string? FulfillmentStatus, bool GiftCard, int Grams, string Name, string Price, MoneySet PriceSet,
        bool ProductExists, long? ProductId, IReadOnlyList<object> Properties, int Quantity, bool RequiresShipping, string? Sku, bool Taxable,
        string Title, string TotalDiscount, MoneySet TotalDiscountSet, long? VariantId, string VariantInventoryManagement, string? VariantTitle,
        string Vendor, IReadOnlyList<TaxLinePayload> TaxLines, IReadOnlyList<object> Duties, IReadOnlyList<object> DiscountAllocations);

    internal sealed record ShippingLinePayload(
        long Id, string? CarrierIdentifier, string Code, string DiscountedPrice, MoneySet DiscountedPriceSet, bool IsRemoved, string? Phone,
        string Price, MoneySet PriceSet, long? RequestedFulfillmentServiceId, string Source, string Title, IReadOnlyList<TaxLinePayload> TaxLines,
        IReadOnlyList<object> DiscountAllocations);

    internal sealed record OrderPayload(
        long Id, string AdminGraphqlApiId, long? AppId, string? BrowserIp, bool BuyerAcceptsMarketing, string? CancelReason, string? CancelledAt,
        string? CartToken, long? CheckoutId, string? CheckoutToken, object? ClientDetails, string? ClosedAt, string ConfirmationNumber, bool Confirmed,
        string ContactEmail, string CreatedAt, string Currency, string CurrentSubtotalPrice, MoneySet CurrentSubtotalPriceSet,
        MoneySet? CurrentTotalAdditionalFeesSet, string CurrentTotalDiscounts, MoneySet CurrentTotalDiscountsSet, MoneySet? CurrentTotalDutiesSet,
        string CurrentTotalPrice, MoneySet CurrentTotalPriceSet, string CurrentTotalTax, MoneySet CurrentTotalTaxSet, string CustomerLocale,
        long? DeviceId, IReadOnlyList<object> DiscountCodes, bool DutiesIncluded, string Email, bool EstimatedTaxes, string FinancialStatus,
        string? FulfillmentStatus, string? LandingSite, string? LandingSiteRef, long? LocationId, long? MerchantOfRecordAppId, string Name,
        string? Note, IReadOnlyList<object> NoteAttributes, int Number, int OrderNumber, string OrderStatusUrl, MoneySet? OriginalTotalAdditionalFeesSet,
        MoneySet? OriginalTotalDutiesSet, IReadOnlyList<string> PaymentGatewayNames, string? Phone, string? PoNumber, string PresentmentCurrency,
        string ProcessedAt, string? Reference, string? ReferringSite, string? SourceIdentifier, string SourceName, string? SourceUrl,
        string SubtotalPrice, MoneySet SubtotalPriceSet, string Tags, bool TaxExempt, IReadOnlyList<TaxLinePayload> TaxLines, bool TaxesIncluded,
        bool Test, string Token, string TotalDiscounts, MoneySet TotalDiscountsSet, string TotalLineItemsPrice, MoneySet TotalLineItemsPriceSet,
        string TotalOutstanding, string TotalPrice, MoneySet TotalPriceSet, MoneySet TotalShippingPriceSet, string TotalTax, MoneySet TotalTaxSet,
        string TotalTipReceived, int TotalWeight, string UpdatedAt, long? UserId, AddressPayload? BillingAddress, CustomerPayloads.CustomerPayload? Customer,
        IReadOnlyList<object> DiscountApplications, IReadOnlyList<OrderEventPayloads.FulfillmentPayload> Fulfillments, IReadOnlyList<LineItemPayload> LineItems,
        object? PaymentTerms, IReadOnlyList<OrderEventPayloads.RefundPayload> Refunds, AddressPayload? ShippingAddress, IReadOnlyList<ShippingLinePayload> ShippingLines);
}
