using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// An order as one request sees it, composed whole by <see cref="OrderReader"/> (lines, fulfillment orders,
/// fulfillments, refunds, transactions, customer, variants), so nested GraphQL fields and webhook payloads
/// are plain property reads.
/// </summary>
public sealed class OrderNode(OrderRecord row)
{
    public OrderRecord Row { get; } = row;

    public List<LineItemNode> Lines { get; } = [];

    public List<FulfillmentOrderNode> FulfillmentOrders { get; } = [];

    public List<FulfillmentNode> Fulfillments { get; } = [];

    public List<RefundNode> Refunds { get; } = [];

    public List<TransactionNode> Transactions { get; } = [];

    public CustomerNode? Customer { get; set; }

    public AddressRecord? ShippingAddress { get; set; }

    public LineItemNode? Line(long id) => Lines.FirstOrDefault(l => l.Row.Id == id);
}

public sealed class LineItemNode(OrderLineRecord row, OrderNode order, VariantNode? variant)
{
    public OrderLineRecord Row { get; } = row;

    public OrderNode Order { get; } = order;

    /// <summary>Null when the variant no longer exists (Shopify keeps the line, without a variant).</summary>
    public VariantNode? Variant { get; } = variant;

    /// <summary>Tax of one unit, as Shopify reports per-unit amounts: the line's tax spread over its quantity.</summary>
    public decimal UnitTax => Row.Quantity == 0 ? 0 : Math.Round(Row.TaxAmount / Row.Quantity, 2, MidpointRounding.AwayFromZero);

    /// <summary>Tax on the units still on the order.</summary>
    public decimal CurrentTax => Row.CurrentQuantity == Row.Quantity ? Row.TaxAmount : UnitTax * Row.CurrentQuantity;
}

public sealed class FulfillmentOrderNode(FulfillmentOrderRecord row, OrderNode order, LocationRecord? location)
{
    public FulfillmentOrderRecord Row { get; } = row;

    public OrderNode Order { get; } = order;

    public LocationRecord? Location { get; } = location;

    public List<FulfillmentOrderLineNode> Lines { get; } = [];
}

public sealed class FulfillmentOrderLineNode(FulfillmentOrderLineRecord row, FulfillmentOrderNode fulfillmentOrder, LineItemNode line)
{
    public FulfillmentOrderLineRecord Row { get; } = row;

    public FulfillmentOrderNode FulfillmentOrder { get; } = fulfillmentOrder;

    public LineItemNode Line { get; } = line;
}

public sealed class FulfillmentNode(FulfillmentRecord row, OrderNode order, LocationRecord? location)
{
    public FulfillmentRecord Row { get; } = row;

    public OrderNode Order { get; } = order;

    public LocationRecord? Location { get; } = location;

    public List<FulfillmentLineNode> Lines { get; } = [];

    public IReadOnlyList<TrackingValue> Tracking
    {
        get
        {
            var numbers = Split(Row.TrackingNumbers);
            var urls = Split(Row.TrackingUrls);
            var count = Math.Max(numbers.Length, urls.Length);
            if (count == 0)
            {
                return Row.TrackingCompany is null ? [] : [new TrackingValue(Row.TrackingCompany, null, null)];
            }
            return Enumerable.Range(0, count)
                .Select(i => new TrackingValue(Row.TrackingCompany, i < numbers.Length ? numbers[i] : null, i < urls.Length ? urls[i] : null))
                .ToList();
        }
    }

    private static string[] Split(string value) => value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public sealed record TrackingValue(string? Company, string? Number, string? Url);

public sealed class FulfillmentLineNode(FulfillmentLineRecord row, LineItemNode line)
{
    public FulfillmentLineRecord Row { get; } = row;

    public LineItemNode Line { get; } = line;
}

public sealed class RefundNode(RefundRecord row, OrderNode order)
{
    public RefundRecord Row { get; } = row;

    public OrderNode Order { get; } = order;

    public List<RefundLineNode> Lines { get; } = [];

    public List<TransactionNode> Transactions { get; } = [];
}

public sealed class RefundLineNode(RefundLineRecord row, LineItemNode line, LocationRecord? location)
{
    public RefundLineRecord Row { get; } = row;

    public LineItemNode Line { get; } = line;

    public LocationRecord? Location { get; } = location;
}

public sealed class TransactionNode(TransactionRecord row, OrderNode order)
{
    public TransactionRecord Row { get; } = row;

    public OrderNode Order { get; } = order;

    public TransactionNode? Parent => Row.ParentId is { } id ? Order.Transactions.FirstOrDefault(t => t.Row.Id == id) : null;
}
