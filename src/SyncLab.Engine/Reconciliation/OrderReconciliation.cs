using System.Globalization;
using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Fulfilment;
using SyncLab.Engine.Orders;

namespace SyncLab.Engine.Reconciliation;

/// <summary>Where one web order stands in the ERP and the warehouse, as the reconciliation read it.</summary>
/// <param name="InErp">the ERP has its sales order or posted invoice (external document number <c>SHOPIFY-…</c>)</param>
/// <param name="OpenInErp">the ERP has it as an open sales order (not invoiced yet)</param>
/// <param name="InWarehouse">the warehouse has a shipment for it that is not cancelled; null when no warehouse is configured</param>
/// <param name="KeyedByEngine">the engine recorded the ERP sales order it made for it (id map)</param>
/// <param name="ShippedByEngine">the engine recorded the warehouse shipment it made for it (id map)</param>
public sealed record OrderStanding(ShopifyOrder Order, bool InErp, bool OpenInErp, bool? InWarehouse, bool KeyedByEngine = false, bool ShippedByEngine = false);

/// <summary>
/// Orders in the reconciliation: every storefront order of the window must have its ERP sales order (or invoice) and, once
/// the ERP has it open, its warehouse shipment; a cancelled one must not stay open in the ERP. A gap the engine never
/// filled (the order's work dead-lettered, or never captured) is healed by the normal work: the orders process creates
/// what the ERP lacks and deletes what a cancellation left, the fulfilment process makes the missing shipment. A gap
/// where the engine recorded its own document (so someone removed it since: the office deleted the sales order, the
/// warehouse cancelled the shipment) is reported, not undone behind their back; so is an open ERP sales order of a web
/// order the storefront did not show. Pure.
/// </summary>
public static class OrderReconciliation
{
    public const string Missing = "order-missing";
    public const string ShipmentMissing = "shipment-missing";
    public const string CancelledOpen = "order-cancelled";
    public const string Unknown = "order-unknown";

    /// <summary>How far back (by last update) the reconciliation compares web orders.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static IReadOnlyList<Finding> Compare(IReadOnlyCollection<OrderStanding> orders, IReadOnlyCollection<BcSalesDocument> openErpOrders)
    {
        var findings = new List<Finding>();
        foreach (var (order, inErp, openInErp, inWarehouse, keyed, shipped) in orders)
        {
            var external = SalesOrderPlan.ExternalNumber(order);
            if (order.CancelledAt is not null)
            {
                if (openInErp)
                {
                    findings.Add(new Finding(external, CancelledOpen, "open ERP sales order", "deleted (cancelled on the storefront)", OrderToErpProcess.ProcessName, $"{order.Name} was cancelled, its ERP sales order is still open"));
                }
                continue;
            }
            if (!inErp)
            {
                findings.Add(keyed
                    ? new Finding(external, Missing, "not in the ERP", "an ERP sales order", null, $"{order.Name}: the engine keyed it in the ERP, which no longer has it (deleted there?); left to the office")
                    : new Finding(external, Missing, "not in the ERP", "an ERP sales order", OrderToErpProcess.ProcessName, $"{order.Name}: a web order the ERP does not have"));
            }
            else if (openInErp && inWarehouse == false)
            {
                findings.Add(shipped
                    ? new Finding(external, ShipmentMissing, "no warehouse shipment", "a warehouse shipment", null, $"{order.Name}: the engine's shipment is no longer in the warehouse (cancelled there?); left to the warehouse")
                    : new Finding(external, ShipmentMissing, "no warehouse shipment", "a warehouse shipment", OrderToWmsProcess.ProcessName, $"{order.Name}: in the ERP, but the warehouse has no shipment for it"));
            }
        }
        var seen = orders.Select(o => SalesOrderPlan.ExternalNumber(o.Order)).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(openErpOrders.Where(d => !seen.Contains(d.ExternalDocumentNumber)).Select(d => new Finding(
            d.ExternalDocumentNumber, Unknown, $"open ERP sales order {d.Number}", "a web order", null,
            $"{d.ExternalDocumentNumber}: an open ERP sales order of a web order the storefront did not show in the last {Window.TotalDays:0} days; left as it is")));
        return findings;
    }

    /// <summary>
    /// Reads where each web order of the window stands: the orders' heads only (id, name, times: a cheap query, so the
    /// nightly run stays within the storefront's query budget beside the full catalog read), the ERP asked per order it
    /// does not have open, the warehouse per order the ERP has open.
    /// </summary>
    public static async Task<(IReadOnlyList<OrderStanding> Orders, IReadOnlyList<BcSalesDocument> OpenErpOrders)> ReadAsync(
        ShopifyAdminClient shop, BusinessCentralClient erp, ShipStationClient? warehouse, IReadOnlySet<string> keyed, IReadOnlySet<string> shippedByEngine,
        DateTimeOffset since, CancellationToken ct)
    {
        var open = await erp.OpenWebSalesOrdersAsync(ct);
        var openByNumber = open.GroupBy(d => d.ExternalDocumentNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var standings = new List<OrderStanding>();
        foreach (var order in await HeadsAsync(shop, since, ct))
        {
            var external = SalesOrderPlan.ExternalNumber(order);
            var isOpen = openByNumber.ContainsKey(external);
            var inErp = isOpen || await erp.SalesInvoiceByExternalNumberAsync(external, ct) is not null;
            bool? shipped = null;
            if (warehouse is not null && isOpen && order.CancelledAt is null)
            {
                shipped = (await warehouse.ShipmentsByExternalIdAsync(ShipmentPlan.ExternalShipmentId(order), ct)).Any(s => s.ShipmentStatus != ShipStationShipment.Cancelled);
            }
            standings.Add(new OrderStanding(order, inErp, isOpen, shipped, keyed.Contains(order.Id), shippedByEngine.Contains(order.Id)));
        }
        return (standings, open);
    }

    /// <summary>The full orders (lines, address, taxes) to heal, read again only when a gap is to be healed.</summary>
    public static async Task<IReadOnlyDictionary<string, ShopifyOrder>> FullOrdersAsync(ShopifyAdminClient shop, IReadOnlyCollection<ShopifyOrder> heads, CancellationToken ct)
    {
        var wanted = heads.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var full = new Dictionary<string, ShopifyOrder>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return full;
        }
        await foreach (var order in shop.OrdersUpdatedSinceAsync(heads.Min(h => h.UpdatedAt), ct))
        {
            if (wanted.Contains(order.Id))
            {
                full[order.Id] = order;
            }
        }
        return full;
    }

    private static async Task<List<ShopifyOrder>> HeadsAsync(ShopifyAdminClient shop, DateTimeOffset since, CancellationToken ct)
    {
        const string query = """
            query OrderHeads($q: String!, $after: String) {
              orders(first: 50, after: $after, query: $q) {
                edges { node { id name updatedAt cancelledAt } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var heads = new List<ShopifyOrder>();
        string? after = null;
        do
        {
            var variables = new JsonObject
            {
                ["q"] = $"updated_at:>='{since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}'",
                ["after"] = after,
            };
            var connection = (await shop.SendAsync(query, variables, ct))["orders"]!;
            foreach (var n in connection["edges"]!.AsArray().Select(e => e!["node"]!))
            {
                var updated = DateTimeOffset.Parse((string)n["updatedAt"]!, CultureInfo.InvariantCulture);
                heads.Add(new ShopifyOrder(
                    (string)n["id"]!, (string)n["name"]!, null, updated, updated,
                    n["cancelledAt"] is { } c ? DateTimeOffset.Parse((string)c!, CultureInfo.InvariantCulture) : null,
                    "USD", 0m, null, null, null, []));
            }
            after = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
        return heads;
    }
}
