using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.Orders;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

/// <summary>The currencies an estate may use (a subset of Shopify's CurrencyCode).</summary>
public sealed class CurrencyCodeGraphType() : NamedEnumGraphType("CurrencyCode",
    ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "MXN"]);

/// <summary>The countries the shop ships to (a subset of Shopify's CountryCode).</summary>
public sealed class CountryCodeGraphType() : NamedEnumGraphType("CountryCode", Countries.Names.Keys);

public sealed class OrderDisplayFinancialStatusGraphType() : NamedEnumGraphType("OrderDisplayFinancialStatus",
    ["PENDING", "AUTHORIZED", "PARTIALLY_PAID", "PARTIALLY_REFUNDED", "VOIDED", "PAID", "REFUNDED", "EXPIRED"]);

public sealed class OrderDisplayFulfillmentStatusGraphType() : NamedEnumGraphType("OrderDisplayFulfillmentStatus",
    ["UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED", "RESTOCKED", "PENDING_FULFILLMENT", "OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED", "REQUEST_DECLINED"]);

public sealed class OrderCancelReasonGraphType() : NamedEnumGraphType("OrderCancelReason",
    ["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "STAFF", "OTHER"]);

public sealed class OrderCancelUserErrorCodeGraphType() : NamedEnumGraphType("OrderCancelUserErrorCode",
    ["NO_REFUND_PERMISSION", "NOT_FOUND", "INVALID"]);

public sealed class FulfillmentStatusGraphType() : NamedEnumGraphType("FulfillmentStatus",
    ["PENDING", "OPEN", "SUCCESS", "CANCELLED", "ERROR", "FAILURE"]);

public sealed class FulfillmentDisplayStatusGraphType() : NamedEnumGraphType("FulfillmentDisplayStatus",
    ["CANCELED", "CONFIRMED", "DELIVERED", "FAILURE", "FULFILLED", "IN_TRANSIT", "MARKED_AS_FULFILLED"]);

public sealed class FulfillmentOrderStatusGraphType() : NamedEnumGraphType("FulfillmentOrderStatus",
    ["OPEN", "IN_PROGRESS", "CANCELLED", "INCOMPLETE", "CLOSED", "SCHEDULED", "ON_HOLD"]);

public sealed class FulfillmentOrderRequestStatusGraphType() : NamedEnumGraphType("FulfillmentOrderRequestStatus",
    ["UNSUBMITTED", "SUBMITTED", "ACCEPTED", "REJECTED", "CANCELLATION_REQUESTED", "CANCELLATION_ACCEPTED", "CANCELLATION_REJECTED", "CLOSED"]);

public sealed class RefundLineItemRestockTypeGraphType() : NamedEnumGraphType("RefundLineItemRestockType", RestockTypes.All);

public sealed class OrderTransactionKindGraphType() : NamedEnumGraphType("OrderTransactionKind",
    ["SALE", "CAPTURE", "AUTHORIZATION", "VOID", "REFUND", "CHANGE", "EMV_AUTHORIZATION", "SUGGESTED_REFUND"]);

public sealed class OrderTransactionStatusGraphType() : NamedEnumGraphType("OrderTransactionStatus",
    ["SUCCESS", "FAILURE", "PENDING", "ERROR", "AWAITING_RESPONSE", "UNKNOWN"]);

public sealed class CustomerEmailMarketingStateGraphType() : NamedEnumGraphType("CustomerEmailMarketingState", MarketingStates.All);

public sealed class CustomerMarketingOptInLevelGraphType() : NamedEnumGraphType("CustomerMarketingOptInLevel",
    ["SINGLE_OPT_IN", "CONFIRMED_OPT_IN", "UNKNOWN"]);

public sealed class CustomerStateGraphType() : NamedEnumGraphType("CustomerState", ["DECLINED", "DISABLED", "ENABLED", "INVITED"]);

public sealed class CustomerEmailMarketingConsentUpdateUserErrorCodeGraphType() : NamedEnumGraphType("CustomerEmailMarketingConsentUpdateUserErrorCode",
    ["INVALID", "INCLUSION", "INTERNAL_ERROR", "MISSING_ARGUMENT"]);
